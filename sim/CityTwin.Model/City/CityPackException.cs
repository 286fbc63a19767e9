namespace CityTwin.Model.City;

/// <summary>
/// A city pack that cannot be used, with the file and the feature (a GeoJSON feature, or a field of
/// the manifest such as <c>climate.windMs</c>) at fault, so the author can fix it.
/// </summary>
public sealed class CityPackException : Exception
{
    public CityPackException(string file, string? feature, string problem)
        : this(file, feature, problem, "feature")
    {
    }

    private CityPackException(string file, string? feature, string problem, string featureKind)
        : base(feature is null ? $"{file}: {problem}" : $"{file}, {featureKind} {feature}: {problem}")
    {
        File = file;
        Feature = feature;
        Problem = problem;
    }

    public string File { get; }
    public string? Feature { get; }
    public string Problem { get; }

    /// <summary>A problem with one field of the manifest (a JSON path like <c>fleet.registeredVehicles</c>).</summary>
    public static CityPackException Field(string file, string field, string problem) => new(file, field, problem, "field");
}
