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
        throw new InvalidOperationException($"CityTwin.sln not found above {AppContext.BaseDirectory}");
    }

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);
}
