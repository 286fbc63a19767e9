using System.Globalization;
using System.Text.RegularExpressions;
using ProjNet.CoordinateSystems;

namespace CityTwin.Import.Crs;

/// <summary>
/// Turns a CRS as files and users write it into a ProjNET coordinate system: WKT (a Shapefile's
/// .prj, a GeoPackage's gpkg_spatial_ref_sys), or an EPSG code (<c>EPSG:5186</c>,
/// <c>urn:ogc:def:crs:EPSG::5186</c>, <c>CRS84</c>). ProjNET carries no EPSG database, so the
/// codes known by number are those the twin's cities use: WGS84, Web Mercator, every UTM zone on
/// WGS84 (Indonesia, Kazakhstan, Mongolia) and the Korea 2000 belts; any other CRS comes as WKT.
/// </summary>
public static partial class CrsCatalog
{
    private static readonly CoordinateSystemFactory Factory = new();

    public static CrsDefinition Wgs84 { get; } = new("EPSG:4326", GeographicCoordinateSystem.WGS84);

    /// <summary>Korea 2000 (GRS 1980; its datum is within centimetres of WGS84) Transverse Mercator belts, from the EPSG registry.</summary>
    private static readonly Dictionary<int, (string Name, double Lat0, double Lon0, double K, double Fe, double Fn)> Korea2000 = new()
    {
        [5179] = ("Korea 2000 / Unified CS", 38, 127.5, 0.9996, 1_000_000, 2_000_000),
        [5185] = ("Korea 2000 / West Belt 2010", 38, 125, 1, 200_000, 600_000),
        [5186] = ("Korea 2000 / Central Belt 2010", 38, 127, 1, 200_000, 600_000),
        [5187] = ("Korea 2000 / East Belt 2010", 38, 129, 1, 200_000, 600_000),
        [5188] = ("Korea 2000 / East Sea Belt 2010", 38, 131, 1, 200_000, 600_000),
    };

    /// <summary>The EPSG codes known by number (UTM zones as 32601–32660 and 32701–32760).</summary>
    public static IReadOnlyList<int> KnownCodes { get; } = [4326, 3857, .. Korea2000.Keys];

    /// <summary>A CRS named by code (<c>EPSG:5186</c>, an OGC URN, <c>CRS84</c>) or given as WKT.</summary>
    /// <param name="where">The file or field the name comes from, for the message when it is unknown.</param>
    public static CrsDefinition Parse(string text, string where)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0) throw new CityImportException(where, null, "names an empty CRS");
        if (trimmed.Contains('[', StringComparison.Ordinal)) return FromWkt(trimmed, where);
        if (trimmed.EndsWith("CRS84", StringComparison.OrdinalIgnoreCase)) return Wgs84;
        var match = EpsgPattern().Match(trimmed);
        if (!match.Success || !int.TryParse(match.Groups["code"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
            throw new CityImportException(where, null, $"CRS '{Short(trimmed)}' is not understood: write EPSG:code (for example EPSG:5186) or give WKT");
        return FromEpsg(code) ?? throw new CityImportException(where, null,
            $"EPSG:{code} is not among the codes known by number (4326, 3857, 5179, 5185–5188 and the WGS84 UTM zones 326xx/327xx): give the CRS as WKT (a .prj file) instead");
    }

    /// <summary>The coordinate system of an EPSG code, or null when it is not known by number.</summary>
    public static CrsDefinition? FromEpsg(int code)
    {
        var label = $"EPSG:{code}";
        if (code == 4326) return Wgs84;
        if (code == 3857) return new(label, ProjectedCoordinateSystem.WebMercator);
        if (code is >= 32601 and <= 32660) return Utm(code, code - 32600, north: true);
        if (code is >= 32701 and <= 32760) return Utm(code, code - 32700, north: false);
        if (Korea2000.TryGetValue(code, out var k))
        {
            var wkt = string.Create(CultureInfo.InvariantCulture,
                $"PROJCS[\"{k.Name}\",GEOGCS[\"Korea 2000\",DATUM[\"Geocentric_datum_of_Korea\",SPHEROID[\"GRS 1980\",6378137,298.257222101],TOWGS84[0,0,0,0,0,0,0]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",{k.Lat0}],PARAMETER[\"central_meridian\",{k.Lon0}],PARAMETER[\"scale_factor\",{k.K}],PARAMETER[\"false_easting\",{k.Fe}],PARAMETER[\"false_northing\",{k.Fn}],UNIT[\"metre\",1],AUTHORITY[\"EPSG\",\"{code}\"]]");
            return new(label, (CoordinateSystem)Factory.CreateFromWkt(wkt));
        }
        return null;
    }

    /// <summary>
    /// A WGS84 UTM zone, built from WKT rather than ProjNET's ready-made zones: their WKT names the
    /// projection after the zone, which ProjNET itself cannot read back (a GeoPackage written from
    /// it would not import).
    /// </summary>
    private static CrsDefinition Utm(int code, int zone, bool north)
    {
        var wkt = string.Create(CultureInfo.InvariantCulture,
            $"PROJCS[\"WGS 84 / UTM zone {zone}{(north ? 'N' : 'S')}\",GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",{zone * 6 - 183}],PARAMETER[\"scale_factor\",0.9996],PARAMETER[\"false_easting\",500000],PARAMETER[\"false_northing\",{(north ? 0 : 10_000_000)}],UNIT[\"metre\",1],AUTHORITY[\"EPSG\",\"{code}\"]]");
        return new($"EPSG:{code}", (CoordinateSystem)Factory.CreateFromWkt(wkt));
    }

    /// <summary>A CRS written as WKT (OGC or Esri flavour).</summary>
    public static CrsDefinition FromWkt(string wkt, string where)
    {
        CoordinateSystem? system;
        try
        {
            system = Factory.CreateFromWkt(wkt) as CoordinateSystem;
        }
        // ProjNET's WKT parser answers a hostile .prj with whichever of these its code path hits
        // (generated bad WKT found each of them); all mean "not a CRS we can read".
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException or NotSupportedException or NotImplementedException or IndexOutOfRangeException or NullReferenceException or InvalidCastException or OverflowException or KeyNotFoundException)
        {
            throw new CityImportException(where, null, $"the CRS (WKT) could not be read: {ex.Message}");
        }
        if (system is not (GeographicCoordinateSystem or ProjectedCoordinateSystem))
            throw new CityImportException(where, null, "the CRS (WKT) is neither geographic nor projected");
        // A code in the WKT, when present, is the friendliest label.
        var code = AuthorityPattern().Matches(wkt) is { Count: > 0 } m ? $"EPSG:{m[^1].Groups["code"].Value}" : null;
        return new(code ?? system.Name, system);
    }

    private static string Short(string text) => text.Length <= 60 ? text : text[..60] + "…";

    [GeneratedRegex(@"^(?:EPSG:{1,2}|urn:ogc:def:crs:EPSG:[0-9.]*:)(?<code>\d{1,6})$", RegexOptions.IgnoreCase)]
    private static partial Regex EpsgPattern();

    [GeneratedRegex(@"AUTHORITY\[""EPSG"",\s*""?(?<code>\d{1,6})""?\]", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorityPattern();
}
