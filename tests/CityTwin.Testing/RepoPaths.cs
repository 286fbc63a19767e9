using System.Runtime.CompilerServices;

namespace CityTwin.Testing;

/// <summary>Locations inside the repository, found from the running test assembly.</summary>
public static class RepoPaths
{
    /// <summary>The folder holding CityTwin.sln.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CityTwin.sln"))) return dir.FullName;

        // Binaries built with an output path outside the checkout (dotnet test --artifacts-path)
        // have no CityTwin.sln above them, but this file was compiled from inside it.
        var source = SourceDirectory();
        for (var dir = source is null ? null : new DirectoryInfo(source); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CityTwin.sln"))) return dir.FullName;
        throw new InvalidOperationException($"CityTwin.sln not found above {AppContext.BaseDirectory} nor above the source folder {source ?? "(unknown)"}");
    }

    private static string? SourceDirectory([CallerFilePath] string path = "") =>
        path.Length > 0 ? Path.GetDirectoryName(path) : null;

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);
}
