namespace CityTwin.Deploy.Tests;

/// <summary>deploy/docker-compose.yml, merge keys resolved.</summary>
public sealed class ComposeFile
{
    public const string RelativePath = "deploy/docker-compose.yml";

    /// <summary>The folder relative paths in the compose file are resolved against.</summary>
    public const string Directory = "deploy";

    private ComposeFile(Dictionary<string, object?> root)
    {
        Root = root;
        Services = Yaml.Map(root, "services", RelativePath)
            .ToDictionary(s => s.Key, s => Yaml.Map(s.Value, $"service {s.Key}"));
    }

    public Dictionary<string, object?> Root { get; }

    public IReadOnlyDictionary<string, Dictionary<string, object?>> Services { get; }

    /// <summary>The services that run CityTwin code (everything but the database).</summary>
    public static IReadOnlyList<string> CityTwinServices { get; } = ["silo1", "silo2", "web", "sim"];

    public static ComposeFile Load() => new(Yaml.LoadMap(Repo.Read(RelativePath)));

    public Dictionary<string, object?> Service(string name)
    {
        Assert.True(Services.ContainsKey(name), $"{RelativePath} has no service '{name}'");
        return Services[name];
    }

    /// <summary>A service's environment, in either of compose's forms (map or KEY=VALUE list).</summary>
    public IReadOnlyDictionary<string, string> Environment(string service)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Service(service).TryGetValue("environment", out var node) || node is null) return env;
        if (node is Dictionary<string, object?> map)
        {
            foreach (var (key, value) in map) env[key] = value as string ?? "";
        }
        else
        {
            foreach (var item in Yaml.List(node, $"{service}.environment"))
            {
                var text = Yaml.Scalar(item, $"{service}.environment item");
                var equals = text.IndexOf('=');
                env[equals < 0 ? text : text[..equals]] = equals < 0 ? "" : text[(equals + 1)..];
            }
        }
        return env;
    }

    /// <summary>The Dockerfile a service is built from (repository-relative), or null if it only pulls an image.</summary>
    public string? DockerfileOf(string service)
    {
        if (!Service(service).TryGetValue("build", out var build) || build is null) return null;
        string context;
        var dockerfile = "Dockerfile";
        if (build is string text)
        {
            context = text;
        }
        else
        {
            var map = Yaml.Map(build, $"{service}.build");
            context = Yaml.OptionalScalar(map, "context") ?? ".";
            dockerfile = Yaml.OptionalScalar(map, "dockerfile") ?? dockerfile;
        }
        var contextPath = Path.GetFullPath(Path.Combine(Repo.PathOf(Directory), context));
        return Repo.Relative(Path.GetFullPath(Path.Combine(contextPath, dockerfile)));
    }

    /// <summary>Build context of a service, repository-relative ("." for the root).</summary>
    public string? ContextOf(string service)
    {
        if (!Service(service).TryGetValue("build", out var build) || build is null) return null;
        var context = build as string ?? Yaml.OptionalScalar(Yaml.Map(build, $"{service}.build"), "context") ?? ".";
        return Repo.Relative(Path.GetFullPath(Path.Combine(Repo.PathOf(Directory), context)));
    }

    /// <summary>Container ports a service publishes ("127.0.0.1:5181:5180" → 5180).</summary>
    public IReadOnlyList<(int Host, int Container)> PublishedPorts(string service) =>
        Yaml.OptionalList(Service(service), "ports")
            .Select(p => Yaml.Scalar(p, $"{service}.ports item").Split('/')[0].Split(':'))
            .Select(parts => (Host: int.Parse(parts[^2], System.Globalization.CultureInfo.InvariantCulture),
                Container: int.Parse(parts[^1], System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();

    /// <summary>Targets of depends_on with the condition each waits for.</summary>
    public IReadOnlyDictionary<string, string> DependsOn(string service)
    {
        if (!Service(service).TryGetValue("depends_on", out var node) || node is null) return new Dictionary<string, string>();
        if (node is List<object?> list)
        {
            return list.ToDictionary(d => Yaml.Scalar(d, $"{service}.depends_on item"), _ => "service_started");
        }
        return Yaml.Map(node, $"{service}.depends_on").ToDictionary(
            d => d.Key,
            d => d.Value is Dictionary<string, object?> m ? Yaml.OptionalScalar(m, "condition") ?? "service_started" : "service_started");
    }
}
