using System.Globalization;

namespace CityTwin.Web.Api;

/// <summary>Parses <c>w,s,e,n</c> in WGS84 degrees, with a message a caller can act on when it is wrong.</summary>
public static class BboxParser
{
    public static bool TryParse(string text, out double[] bbox, out string error)
    {
        bbox = [];
        var parts = text.Split(',');
        if (parts.Length != 4)
        {
            error = "bbox must be four comma-separated numbers: west,south,east,north";
            return false;
        }
        var values = new double[4];
        for (var i = 0; i < 4; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
            {
                error = $"bbox value '{parts[i]}' is not a number";
                return false;
            }
        }
        if (values[0] < -180 || values[2] > 180 || values[1] < -90 || values[3] > 90)
        {
            error = "bbox must be in WGS84 degrees (longitude -180..180, latitude -90..90)";
            return false;
        }
        if (values[0] > values[2] || values[1] > values[3])
        {
            error = "bbox must have west <= east and south <= north";
            return false;
        }
        bbox = values;
        error = "";
        return true;
    }
}
