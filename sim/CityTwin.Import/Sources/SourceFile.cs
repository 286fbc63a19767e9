namespace CityTwin.Import.Sources;

/// <summary>
/// A file given to the import: <paramref name="Name"/> is how the user knows it (the uploaded file
/// name, or the path on the command line) and is used in every message; <paramref name="Path"/> is
/// where it is on disk now.
/// </summary>
public sealed record SourceFile(string Name, string Path)
{
    public static SourceFile At(string path) => new(System.IO.Path.GetFileName(path), path);
}
