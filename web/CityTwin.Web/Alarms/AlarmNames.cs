using System.Text.Json;
using CityTwin.Abstractions.Alarms;
using CityTwin.Abstractions.Areas;

namespace CityTwin.Web.Alarms;

/// <summary>Wire names of the alarm enums (lower camel case, as every other enum of the API) and their parsing.</summary>
public static class AlarmNames
{
    public static string Of<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text) || char.IsDigit(text.Trim()[0]) || text.Trim()[0] == '-') return false;
        return Enum.TryParse(text.Trim(), ignoreCase: true, out value) && Enum.IsDefined(value);
    }

    public static string Choices<T>() where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(v => Of(v)));

    public static bool TryParseLevel(string? text, out AreaLevel level)
    {
        level = text?.Trim().ToLowerInvariant() switch { "dong" => AreaLevel.Dong, "gu" => AreaLevel.Gu, _ => AreaLevel.City };
        return level != AreaLevel.City;
    }
}
