using System.Globalization;

namespace CityTwin.Web.Layers;

/// <summary>
/// One tile of one asset layer in the XYZ (slippy map) scheme MapLibre requests: y grows southwards.
/// Parsed from the raw route values so that a malformed request gets a problem-details answer
/// naming every bad part, rather than a bare routing 404 or a binding failure.
/// </summary>
public readonly record struct TileKey(string Layer, int Z, int X, int Y)
{
    /// <summary>Deeper than this a tile would be under ten metres wide: nothing more to show.</summary>
    public const int MaxZoom = 22;

    public static bool TryParse(string layer, string z, string x, string y, out TileKey key, out Dictionary<string, string[]> errors)
    {
        errors = [];
        key = default;
        var zOk = int.TryParse(z, NumberStyles.None, CultureInfo.InvariantCulture, out var zi) && zi <= MaxZoom;
        if (!zOk) errors["z"] = [$"z must be an integer from 0 to {MaxZoom}."];
        // x and y can only be range-checked against a valid zoom.
        var max = zOk ? (1 << zi) - 1 : int.MaxValue;
        var range = zOk ? $"an integer from 0 to {max} at zoom {zi}" : "a non-negative integer";
        if (!int.TryParse(x, NumberStyles.None, CultureInfo.InvariantCulture, out var xi) || xi > max)
            errors["x"] = [$"x must be {range}."];
        if (!int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var yi) || yi > max)
            errors["y"] = [$"y must be {range}."];
        if (errors.Count > 0) return false;
        key = new TileKey(layer, zi, xi, yi);
        return true;
    }
}
