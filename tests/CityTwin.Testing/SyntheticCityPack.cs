using System.Text.Json;
using System.Text.Json.Nodes;

namespace CityTwin.Testing;

/// <summary>
/// A small made-up city pack written to a temporary folder: "Southbay", two gu of two square dongs
/// each and two sites on the coast of Auckland, in Pacific/Auckland (southern hemisphere, with
/// daylight saving: UTC+13 in January, UTC+12 in July). It proves that nothing about the default
/// city is built into the code. Tests may edit <see cref="Manifest"/> and call
/// <see cref="WriteManifest"/> to try a broken pack. Dispose to remove the folder.
/// </summary>
public sealed class SyntheticCityPack : IDisposable
{
    public const string Id = "southbay";
    public const string TimeZone = "Pacific/Auckland";
    public const string EnglishName = "Southbay";
    public const double Latitude = -36.85;
    public const double Longitude = 174.76;

    /// <summary>The gu codes, each with two dongs (<see cref="DongCodes"/>).</summary>
    public static IReadOnlyList<string> GuCodes { get; } = ["90010", "90020"];

    public static IReadOnlyList<string> DongCodes { get; } = ["9001000001", "9001000002", "9002000001", "9002000002"];

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public SyntheticCityPack()
    {
        Directory = Path.Combine(Path.GetTempPath(), "citytwin-packs", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        WriteGeography();
        Manifest = DefaultManifest();
        WriteManifest();
    }

    /// <summary>The pack folder (give it as City:Path or to the loader).</summary>
    public string Directory { get; }

    /// <summary>The manifest as written; edit it and call <see cref="WriteManifest"/>.</summary>
    public JsonObject Manifest { get; private set; }

    public string ManifestPath => Path.Combine(Directory, "city.json");

    public void WriteManifest() => File.WriteAllText(ManifestPath, Manifest.ToJsonString(Indented));

    /// <summary>Starts again from the valid manifest.</summary>
    public void ResetManifest()
    {
        Manifest = DefaultManifest();
        WriteManifest();
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private void WriteGeography()
    {
        // Dongs are 0.02° squares side by side along the shore; each gu is the union of its two dongs.
        var gu = new JsonArray();
        var dongs = new JsonArray();
        for (var g = 0; g < GuCodes.Count; g++)
        {
            var west = Longitude - 0.04 + 0.04 * g;
            gu.Add(Feature(Rectangle(west, Latitude - 0.01, west + 0.04, Latitude + 0.01), new JsonObject
            {
                ["code"] = GuCodes[g],
                ["name_en"] = g == 0 ? "Harbour-gu" : "Hillside-gu",
                ["name_ko"] = g == 0 ? "하버구" : "힐사이드구",
                ["pop_census_2020"] = g == 0 ? 60_000 : 40_000,
            }));
            for (var d = 0; d < 2; d++)
            {
                var dongWest = west + 0.02 * d;
                dongs.Add(Feature(Rectangle(dongWest, Latitude - 0.01, dongWest + 0.02, Latitude + 0.01), new JsonObject
                {
                    ["code"] = DongCodes[g * 2 + d],
                    ["gu_code"] = GuCodes[g],
                    ["name_en"] = $"{(g == 0 ? "Harbour" : "Hillside")} {d + 1}-dong",
                    ["name_ko"] = $"{(g == 0 ? "하버" : "힐사이드")}{d + 1}동",
                }));
            }
        }
        Write("southbay-gu.geojson", gu);
        Write("southbay-dong.geojson", dongs);
        Write("southbay-city.geojson", new JsonArray(Feature(Rectangle(Longitude - 0.04, Latitude - 0.01, Longitude + 0.04, Latitude + 0.01), new JsonObject
        {
            ["name_en"] = EnglishName,
            ["name_ko"] = "사우스베이",
        })));
        Write("southbay-sites.geojson", new JsonArray(
            Site("ferry-terminal", "Ferry terminal", Longitude - 0.03, Latitude),
            Site("control-room", "City control room", Longitude + 0.01, Latitude + 0.005)));
    }

    private void Write(string name, JsonArray features) =>
        File.WriteAllText(Path.Combine(Directory, name), new JsonObject { ["type"] = "FeatureCollection", ["features"] = features }.ToJsonString());

    private static JsonObject Site(string id, string name, double lon, double lat) => new()
    {
        ["type"] = "Feature",
        ["geometry"] = new JsonObject { ["type"] = "Point", ["coordinates"] = new JsonArray(lon, lat) },
        ["properties"] = new JsonObject { ["id"] = id, ["name_en"] = name, ["name_ko"] = name, ["kind"] = "site" },
    };

    private static JsonObject Feature(JsonArray ring, JsonObject properties) => new()
    {
        ["type"] = "Feature",
        ["geometry"] = new JsonObject { ["type"] = "Polygon", ["coordinates"] = new JsonArray(ring) },
        ["properties"] = properties,
    };

    /// <summary>A counter-clockwise ring (RFC 7946), rounded so the shared edges of neighbours match exactly.</summary>
    private static JsonArray Rectangle(double west, double south, double east, double north)
    {
        static JsonArray P(double x, double y) => new(Math.Round(x, 6), Math.Round(y, 6));
        return new JsonArray(P(west, south), P(east, south), P(east, north), P(west, north), P(west, south));
    }

    private static JsonObject Sourced(double value, string source) => new() { ["value"] = value, ["source"] = source };

    private static JsonObject Monthly(string source, params double[] values) =>
        new() { ["monthly"] = new JsonArray([.. values.Select(v => (JsonNode)v)]), ["source"] = source };

    /// <summary>An invented temperate, southern-hemisphere climate: warm January, cool July, winter rain.</summary>
    private static JsonObject DefaultManifest() => new()
    {
        ["id"] = Id,
        ["names"] = new JsonObject
        {
            ["en"] = EnglishName, ["id"] = "Teluk Selatan", ["ko"] = "사우스베이",
            ["kk"] = "Саутбэй", ["mn"] = "Саутбэй", ["ru"] = "Саутбэй",
        },
        ["timeZone"] = TimeZone,
        ["locale"] = "en-NZ",
        ["location"] = new JsonObject
        {
            ["latitude"] = Latitude,
            ["longitude"] = Longitude,
            ["source"] = "test city: the centre of its dongs",
        },
        ["homeView"] = new JsonObject { ["minDensityPerKm2"] = Sourced(0, "test city: show every dong") },
        ["attribution"] = new JsonArray("Southbay test geography: generated for the tests"),
        ["files"] = new JsonObject
        {
            ["gu"] = "southbay-gu.geojson",
            ["dong"] = "southbay-dong.geojson",
            ["outline"] = "southbay-city.geojson",
            ["sites"] = "southbay-sites.geojson",
        },
        ["climate"] = new JsonObject
        {
            ["meanTemperatureC"] = Monthly("test climate", 20, 20.5, 19, 16.5, 14, 11.5, 10.5, 11, 12.5, 14, 16, 18),
            ["diurnalRangeC"] = Monthly("test climate", 8, 8, 8, 7.5, 7, 6.5, 6.5, 7, 7, 7.5, 8, 8),
            ["anomalySigmaC"] = Monthly("test climate", 1.6, 1.6, 1.7, 1.8, 2, 2.2, 2.2, 2.2, 2, 1.8, 1.7, 1.6),
            ["heatwaveChance"] = Monthly("test climate", 0.1, 0.1, 0.02, 0, 0, 0, 0, 0, 0, 0, 0, 0.05),
            ["rainTotalMm"] = Monthly("test climate", 75, 65, 90, 95, 115, 130, 145, 120, 100, 95, 85, 90),
            ["wetDays"] = Monthly("test climate", 8, 7, 9, 11, 14, 16, 17, 16, 14, 12, 11, 10),
            ["burstChance"] = Monthly("test climate", 0.05, 0.05, 0.04, 0.02, 0.01, 0, 0, 0, 0, 0.01, 0.02, 0.04),
            ["cloudCover"] = Monthly("test climate", 0.5, 0.5, 0.55, 0.6, 0.65, 0.7, 0.7, 0.65, 0.6, 0.6, 0.55, 0.5),
            ["windMs"] = Monthly("test climate", 4.5, 4.4, 4.3, 4.2, 4.4, 4.6, 4.7, 4.8, 5, 5, 4.9, 4.7),
            ["relativeHumidityPct"] = Monthly("test climate", 72, 74, 75, 78, 81, 83, 83, 81, 77, 75, 73, 72),
            ["regionalPm25"] = Monthly("test climate", 4, 4, 5, 6, 7, 8, 8, 7, 6, 5, 4, 4),
            ["pm25EpisodeChance"] = Monthly("test climate", 0.02, 0.02, 0.03, 0.05, 0.08, 0.1, 0.1, 0.08, 0.05, 0.03, 0.02, 0.02),
            ["dustChance"] = Monthly("test climate", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
            ["longRainMonths"] = new JsonObject { ["months"] = new JsonArray(5, 6, 7, 8), ["source"] = "test climate: winter fronts" },
        },
        ["fleet"] = new JsonObject
        {
            ["registeredVehicles"] = Sourced(80_000, "test city"),
            ["electricVehicles"] = Sourced(4_000, "test city"),
            ["kmPerVehiclePerDay"] = Sourced(30, "test city"),
            ["evKwhPerKm"] = Sourced(0.18, "test city"),
            ["combustionGramsCo2PerKm"] = Sourced(180, "test city"),
        },
        ["grid"] = new JsonObject { ["tonnesCo2PerMwh"] = Sourced(0.1, "test city: a mostly renewable grid") },
        ["standards"] = new JsonObject
        {
            ["pm25DailyUgM3"] = Sourced(25, "test city"),
            ["heatThresholdC"] = Sourced(30, "test city"),
        },
        ["streetlights"] = new JsonObject
        {
            ["sodiumLampW"] = Sourced(250, "test city"),
            ["ledLampW"] = Sourced(100, "test city"),
        },
    };
}
