using CityTwin.Testing;

namespace CityTwin.Deploy.Tests;

/// <summary>Paths in the repository under test.</summary>
public static class Repo
{
    /// <summary>The checkout under test: <c>CITYTWIN_REPOSITORY_ROOT</c> when set (another checkout, same binaries), else this one.</summary>
    public static string Root { get; } = Environment.GetEnvironmentVariable("CITYTWIN_REPOSITORY_ROOT") is { Length: > 0 } other
        ? Path.GetFullPath(other)
        : RepoPaths.Root;

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
}
