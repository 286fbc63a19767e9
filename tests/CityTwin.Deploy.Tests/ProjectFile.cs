using System.Xml.Linq;

namespace CityTwin.Deploy.Tests;

/// <summary>What a deployment needs to know of a .csproj: its assembly, SDK and references.</summary>
public sealed class ProjectFile
{
    private readonly XDocument _xml;

    private ProjectFile(string relativePath)
    {
        RelativePath = relativePath;
        _xml = XDocument.Parse(Repo.Read(relativePath));
    }

    public string RelativePath { get; }

    public string Sdk => _xml.Root?.Attribute("Sdk")?.Value ?? "";

    public string AssemblyName =>
        _xml.Descendants("AssemblyName").Select(e => e.Value.Trim()).FirstOrDefault(v => v.Length > 0)
        ?? Path.GetFileNameWithoutExtension(RelativePath);

    /// <summary>Repository-relative paths of the projects it references directly.</summary>
    public IReadOnlyList<string> References =>
        _xml.Descendants("ProjectReference")
            .Select(e => e.Attribute("Include")?.Value ?? "")
            .Where(v => v.Length > 0)
            .Select(v => Repo.Relative(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Repo.PathOf(RelativePath))!, v.Replace('\\', '/')))))
            .ToList();

    /// <summary>Whether this project alone asks for the ASP.NET Core shared framework.</summary>
    public bool AsksForAspNetCore =>
        Sdk.Equals("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase)
        || _xml.Descendants("FrameworkReference").Any(e => (e.Attribute("Include")?.Value ?? "") == "Microsoft.AspNetCore.App");

    public static ProjectFile Load(string relativePath) => new(relativePath);

    /// <summary>The project and every project it references, directly or not.</summary>
    public static IReadOnlyList<ProjectFile> Closure(string relativePath)
    {
        var seen = new Dictionary<string, ProjectFile>(StringComparer.Ordinal);
        var pending = new Stack<string>([relativePath]);
        while (pending.Count > 0)
        {
            var path = pending.Pop();
            if (seen.ContainsKey(path)) continue;
            var project = Load(path);
            seen[path] = project;
            foreach (var reference in project.References) pending.Push(reference);
        }
        return seen.Values.ToList();
    }
}
