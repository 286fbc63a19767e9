namespace CityTwin.Model.City;

/// <summary>A city pack that cannot be used, with the file and feature at fault so the author can fix it.</summary>
public sealed class CityPackException(string file, string? feature, string problem)
    : Exception(feature is null ? $"{file}: {problem}" : $"{file}, feature {feature}: {problem}")
{
    public string File { get; } = file;
    public string? Feature { get; } = feature;
    public string Problem { get; } = problem;
}
