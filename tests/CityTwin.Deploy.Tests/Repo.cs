using System.Reflection;

namespace CityTwin.Deploy.Tests;

/// <summary>Paths in the repository under test.</summary>
public static class Repo
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string PathOf(string relative) =>
        Path.GetFullPath(Path.Combine(Root, relative.Replace('\\', '/')));

    public static bool Exists(string relative) => File.Exists(PathOf(relative));

    public static string Read(string relative)
    {
        var path = PathOf(relative);
        Assert.True(File.Exists(path), $"{relative} is missing");
        return File.ReadAllText(path);
    }

    /// <summary>Repository-relative form of an absolute path, with forward slashes.</summary>
    public static string Relative(string absolute) =>
        Path.GetRelativePath(Root, absolute).Replace('\\', '/');

    private static string FindRoot()
    {
        // Another checkout can be checked with the same binaries.
        var overridden = Environment.GetEnvironmentVariable("CITYTWIN_REPOSITORY_ROOT");
        if (!string.IsNullOrEmpty(overridden)) return IsRoot(overridden) ? Path.GetFullPath(overridden) : throw new InvalidOperationException($"CITYTWIN_REPOSITORY_ROOT={overridden} is not a CityTwin checkout");
        // The build records the repository's location: the binaries may be built anywhere
        // (dotnet test --artifacts-path) and run from there.
        var recorded = typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "CityTwinRepositoryRoot")?.Value;
        if (recorded is not null && IsRoot(recorded)) return recorded;
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (IsRoot(dir.FullName)) return dir.FullName;
        }
        throw new InvalidOperationException("repository root (CityTwin.sln beside deploy/) not found");
    }

    private static bool IsRoot(string dir) =>
        File.Exists(Path.Combine(dir, "CityTwin.sln")) && Directory.Exists(Path.Combine(dir, "deploy"));
}
