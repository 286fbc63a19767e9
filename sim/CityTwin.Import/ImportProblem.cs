namespace CityTwin.Import;

/// <summary>
/// One thing wrong (or repaired) in the files of an import, named so a GIS user can find it:
/// the file, the feature (its position and name when it has one) and what is wrong.
/// </summary>
/// <param name="File">The file as the user named it (or the mapping, or a form field).</param>
/// <param name="Feature">The feature, e.g. <c>#3 (name=Harbour)</c>; null for the whole file.</param>
/// <param name="Message">What is wrong or what was done.</param>
public sealed record ImportProblem(string File, string? Feature, string Message)
{
    public override string ToString() => Feature is null ? $"{File}: {Message}" : $"{File}, feature {Feature}: {Message}";
}
