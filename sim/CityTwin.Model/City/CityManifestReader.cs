using System.Text.Json;

namespace CityTwin.Model.City;

/// <summary>
/// Reads and validates a pack's manifest, <see cref="FileName"/>. Every problem names the file and
/// the field (as a JSON path) so a pack author can fix it without reading code. A sourced value is
/// written <c>{ "value": 12.5, "source": "…" }</c>, a monthly table <c>{ "monthly": [12 numbers], "source": "…" }</c>:
/// a number without its source is refused.
/// </summary>
public static class CityManifestReader
{
    public const string FileName = "city.json";

    public static CityPack Read(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path)) throw new CityPackException(path, null, "manifest not found: a city pack needs a city.json");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new CityPackException(path, null, $"not valid JSON: {ex.Message}");
        }
        using (document)
        {
            return new Reader(path).Pack(document.RootElement);
        }
    }

    /// <summary>Reading state: the file named in every error.</summary>
    private sealed class Reader(string file)
    {
        public CityPack Pack(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object) throw Error("(root)", "must be a JSON object");
            var id = String(root, "id");
            if (!id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
                throw Error("id", $"'{id}' must be lower-case letters, digits and '-' (it is a key in URLs and storage)");
            var names = Names(root);
            var timeZone = String(root, "timeZone");
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
                throw Error("timeZone", $"unknown time zone '{timeZone}' (use an IANA name such as Europe/Berlin or Pacific/Auckland)");
            var locale = String(root, "locale");
            return new CityPack(
                id,
                names,
                timeZone,
                locale,
                Location(Object(root, "location", "")),
                Sourced(Object(root, "homeView", ""), "minDensityPerKm2", "homeView.", 0, 1e6),
                Attribution(root),
                Climate(Object(root, "climate", "")),
                Facts(root),
                Files(Object(root, "files", "")))
            {
                Economics = root.TryGetProperty("economics", out _) ? Economics(Object(root, "economics", "")) : null,
            };
        }

        private CityEconomics Economics(JsonElement economics)
        {
            var currency = String(economics, "currency", "economics.");
            if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
                throw Error("economics.currency", $"'{currency}' must be an ISO 4217 code such as KRW or EUR");
            var years = Sourced(economics, "appraisalYears", "economics.", 1, 100);
            if (years != Math.Floor(years)) throw Error("economics.appraisalYears.value", $"{years} must be a whole number of years");
            string[] fields = ["tariffPerKwh", "carbonPricePerTonne", "discountRatePercent", "appraisalYears"];
            return new CityEconomics(
                currency,
                Sourced(economics, "tariffPerKwh", "economics.", 0, 1e6),
                Sourced(economics, "carbonPricePerTonne", "economics.", 0, 1e9),
                Sourced(economics, "discountRatePercent", "economics.", 0, 30),
                (int)years,
                fields.ToDictionary(f => f, f => economics.GetProperty(f).GetProperty("source").GetString() ?? "", StringComparer.Ordinal));
        }

        private Dictionary<string, string> Names(JsonElement root)
        {
            var names = Object(root, "names", "");
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var language in CityPack.Languages) result[language] = String(names, language, "names.");
            foreach (var p in names.EnumerateObject())
                if (!result.ContainsKey(p.Name)) result[p.Name] = String(names, p.Name, "names.");
            return result;
        }

        private CityLocation Location(JsonElement location)
        {
            RequireSource(location, "location");
            return new CityLocation(
                Number(location, "latitude", "location.", -90, 90),
                Number(location, "longitude", "location.", -180, 180));
        }

        private List<string> Attribution(JsonElement root)
        {
            if (!root.TryGetProperty("attribution", out var lines) || lines.ValueKind != JsonValueKind.Array)
                throw Error("attribution", "missing: a list of the data credits to show with the map");
            var list = new List<string>();
            var i = 0;
            foreach (var line in lines.EnumerateArray())
            {
                if (line.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(line.GetString()))
                    throw Error($"attribution[{i}]", "must be a non-empty string");
                list.Add(line.GetString()!);
                i++;
            }
            if (list.Count == 0) throw Error("attribution", "must credit at least the boundary data");
            return list;
        }

        private ClimateNormals Climate(JsonElement climate)
        {
            IReadOnlyList<double> M(string name, double min, double max) => Monthly(climate, name, "climate.", min, max);
            return new ClimateNormals(
                M("meanTemperatureC", -60, 50),
                M("diurnalRangeC", 0, 40),
                M("anomalySigmaC", 0, 20),
                M("heatwaveChance", 0, 1),
                M("rainTotalMm", 0, 3000),
                M("wetDays", 0, 28),
                M("burstChance", 0, 1),
                M("cloudCover", 0, 1),
                M("windMs", 0, 40),
                M("relativeHumidityPct", 0, 100),
                M("regionalPm25", 0, 500),
                M("pm25EpisodeChance", 0, 1),
                M("dustChance", 0, 1),
                Months(climate, "longRainMonths", "climate."));
        }

        private CityFacts Facts(JsonElement root)
        {
            var fleet = Object(root, "fleet", "");
            var grid = Object(root, "grid", "");
            var standards = Object(root, "standards", "");
            var lighting = Object(root, "streetlights", "");
            var registered = Sourced(fleet, "registeredVehicles", "fleet.", 1, 1e9);
            var electric = Sourced(fleet, "electricVehicles", "fleet.", 0, 1e9);
            if (electric > registered) throw Error("fleet.electricVehicles", $"{electric} is more than the {registered} registered vehicles");
            var sodium = Sourced(lighting, "sodiumLampW", "streetlights.", 1, 2000);
            var led = Sourced(lighting, "ledLampW", "streetlights.", 1, 2000);
            return new CityFacts(
                registered,
                electric,
                Sourced(fleet, "kmPerVehiclePerDay", "fleet.", 0, 500),
                Sourced(fleet, "evKwhPerKm", "fleet.", 0.01, 2),
                Sourced(fleet, "combustionGramsCo2PerKm", "fleet.", 0, 1000),
                Sourced(grid, "tonnesCo2PerMwh", "grid.", 0, 2),
                Sourced(standards, "pm25DailyUgM3", "standards.", 1, 500),
                Sourced(standards, "heatThresholdC", "standards.", 15, 60),
                sodium,
                led);
        }

        private CityPackFiles Files(JsonElement files)
        {
            string? Optional(string name) =>
                files.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? String(files, name, "files.") : null;
            return new CityPackFiles(
                String(files, "gu", "files."),
                String(files, "dong", "files."),
                String(files, "outline", "files."),
                Optional("sites"),
                Optional("population"),
                Optional("buildings"),
                Optional("roads"));
        }

        private JsonElement Object(JsonElement parent, string name, string prefix)
        {
            if (!parent.TryGetProperty(name, out var value)) throw Error(prefix + name, "missing");
            if (value.ValueKind != JsonValueKind.Object) throw Error(prefix + name, "must be a JSON object");
            return value;
        }

        private string String(JsonElement parent, string name, string prefix = "")
        {
            if (!parent.TryGetProperty(name, out var value)) throw Error(prefix + name, "missing");
            if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
                throw Error(prefix + name, "must be a non-empty string");
            return value.GetString()!;
        }

        private double Number(JsonElement parent, string name, string prefix, double min, double max)
        {
            if (!parent.TryGetProperty(name, out var value)) throw Error(prefix + name, "missing");
            if (value.ValueKind != JsonValueKind.Number) throw Error(prefix + name, "must be a number");
            var number = value.GetDouble();
            if (!double.IsFinite(number) || number < min || number > max)
                throw Error(prefix + name, $"{number} is out of range ({min} to {max})");
            return number;
        }

        /// <summary>A <c>{ "value": n, "source": "…" }</c> field.</summary>
        private double Sourced(JsonElement parent, string name, string prefix, double min, double max)
        {
            var field = Object(parent, name, prefix);
            RequireSource(field, prefix + name);
            return Number(field, "value", prefix + name + ".", min, max);
        }

        /// <summary>A <c>{ "monthly": [12 numbers], "source": "…" }</c> field.</summary>
        private double[] Monthly(JsonElement parent, string name, string prefix, double min, double max)
        {
            var field = Object(parent, name, prefix);
            var path = prefix + name + ".monthly";
            RequireSource(field, prefix + name);
            if (!field.TryGetProperty("monthly", out var array)) throw Error(path, "missing");
            if (array.ValueKind != JsonValueKind.Array || array.GetArrayLength() != 12)
                throw Error(path, $"must be 12 numbers, January to December (found {(array.ValueKind == JsonValueKind.Array ? array.GetArrayLength() + " values" : array.ValueKind.ToString().ToLowerInvariant())})");
            var values = new double[12];
            var i = 0;
            foreach (var item in array.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Number) throw Error($"{path}[{i}]", "must be a number");
                var v = item.GetDouble();
                if (v < min || v > max) throw Error($"{path}[{i}]", $"{v} is out of range ({min} to {max})");
                values[i++] = v;
            }
            return values;
        }

        /// <summary>A <c>{ "months": [1–12, …], "source": "…" }</c> field.</summary>
        private int[] Months(JsonElement parent, string name, string prefix)
        {
            var field = Object(parent, name, prefix);
            var path = prefix + name + ".months";
            RequireSource(field, prefix + name);
            if (!field.TryGetProperty("months", out var array) || array.ValueKind != JsonValueKind.Array) throw Error(path, "missing: a list of month numbers (1–12)");
            var months = new List<int>();
            foreach (var item in array.EnumerateArray())
            {
                if (!item.TryGetInt32(out var m) || m is < 1 or > 12) throw Error(path, $"'{item}' is not a month number (1–12)");
                months.Add(m);
            }
            return [.. months];
        }

        private void RequireSource(JsonElement field, string path)
        {
            if (!field.TryGetProperty("source", out var source) || source.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(source.GetString()))
                throw Error(path + ".source", "missing: every city fact names where it comes from");
        }

        private CityPackException Error(string field, string problem) => CityPackException.Field(file, field, problem);
    }
}
