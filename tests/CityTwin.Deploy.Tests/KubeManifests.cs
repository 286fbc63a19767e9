using System.Text;

namespace CityTwin.Deploy.Tests;

/// <summary>deploy/k8s: the kustomization and the objects of the manifests it lists.</summary>
public sealed class KubeManifests
{
    public const string Directory = "deploy/k8s";
    public const string KustomizationPath = Directory + "/kustomization.yaml";

    private KubeManifests(Dictionary<string, object?> kustomization, IReadOnlyList<KubeDocument> documents)
    {
        Kustomization = kustomization;
        Documents = documents;
    }

    public Dictionary<string, object?> Kustomization { get; }

    public IReadOnlyList<KubeDocument> Documents { get; }

    /// <summary>Manifest files listed under resources (directories are other kustomizations).</summary>
    public IReadOnlyList<string> ResourceFiles =>
        Yaml.List(Kustomization, "resources", KustomizationPath)
            .Select(r => Yaml.Scalar(r, "resource"))
            .Select(r => Repo.Relative(Path.GetFullPath(Path.Combine(Repo.PathOf(Directory), r))))
            .ToList();

    public static KubeManifests Load()
    {
        var kustomization = Yaml.LoadMap(Repo.Read(KustomizationPath));
        var documents = new List<KubeDocument>();
        foreach (var resource in Yaml.List(kustomization, "resources", KustomizationPath).Select(r => Yaml.Scalar(r, "resource")))
        {
            var relative = Repo.Relative(Path.GetFullPath(Path.Combine(Repo.PathOf(Directory), resource)));
            if (!Repo.Exists(relative)) continue;
            foreach (var document in Yaml.LoadAll(Repo.Read(relative)))
            {
                if (document is null) continue;
                documents.Add(new KubeDocument(relative, Yaml.Map(document, relative)));
            }
        }
        return new KubeManifests(kustomization, documents);
    }

    public KubeDocument Find(string kind, string name)
    {
        var found = Documents.Where(d => d.Kind == kind && d.Name == name).ToList();
        Assert.True(found.Count == 1, $"{Directory}: expected one {kind} named {name}, found {found.Count}");
        return found[0];
    }

    public IEnumerable<KubeDocument> OfKind(string kind) => Documents.Where(d => d.Kind == kind);

    /// <summary>The pod template's spec of a Deployment, StatefulSet or Job.</summary>
    public static Dictionary<string, object?> PodSpec(KubeDocument workload) =>
        Yaml.Map(Yaml.Map(Yaml.Map(workload.Body, "spec", workload.Name), "template", workload.Name), "spec", $"{workload.Name}.template");

    public static Dictionary<string, object?> PodLabels(KubeDocument workload) =>
        Yaml.Map(Yaml.Map(Yaml.Map(Yaml.Map(workload.Body, "spec", workload.Name), "template", workload.Name), "metadata", workload.Name), "labels", workload.Name);

    public static IReadOnlyList<Dictionary<string, object?>> Containers(KubeDocument workload) =>
        Yaml.List(PodSpec(workload), "containers", workload.Name).Select(c => Yaml.Map(c, $"{workload.Name} container")).ToList();

    public static Dictionary<string, object?> Container(KubeDocument workload)
    {
        var containers = Containers(workload);
        Assert.True(containers.Count == 1, $"{workload.Name}: expected one container, found {containers.Count}");
        return containers[0];
    }

    /// <summary>Named container ports ("http" → 5180) and the numbers themselves.</summary>
    public static IReadOnlyDictionary<string, int> Ports(Dictionary<string, object?> container) =>
        Yaml.OptionalList(container, "ports")
            .Select(p => Yaml.Map(p, "port"))
            .ToDictionary(
                p => Yaml.OptionalScalar(p, "name") ?? Yaml.Scalar(p, "containerPort", "port"),
                p => int.Parse(Yaml.Scalar(p, "containerPort", "port"), System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Resolves a probe's or Service's port (a number or a container port name).</summary>
    public static int ResolvePort(Dictionary<string, object?> container, string port)
    {
        if (int.TryParse(port, out var number)) return number;
        var ports = Ports(container);
        Assert.True(ports.ContainsKey(port), $"port '{port}' is not a declared container port");
        return ports[port];
    }

    /// <summary>
    /// A container's environment as the process sees it: envFrom first, env after (env wins),
    /// values taken from the ConfigMaps and Secrets they name; downward-API fields as
    /// "fieldRef:path" and $(VAR) references left as written.
    /// </summary>
    public IReadOnlyDictionary<string, string> Environment(Dictionary<string, object?> container)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in Yaml.OptionalList(container, "envFrom").Select(s => Yaml.Map(s, "envFrom")))
        {
            if (Yaml.OptionalMap(source, "configMapRef") is { } configMap)
            {
                foreach (var (key, value) in ConfigMapData(Yaml.Scalar(configMap, "name", "configMapRef"))) env[key] = value;
            }
            if (Yaml.OptionalMap(source, "secretRef") is { } secret)
            {
                foreach (var (key, value) in SecretData(Yaml.Scalar(secret, "name", "secretRef"))) env[key] = value;
            }
        }
        foreach (var item in Yaml.OptionalList(container, "env").Select(e => Yaml.Map(e, "env")))
        {
            var name = Yaml.Scalar(item, "name", "env");
            if (Yaml.OptionalScalar(item, "value") is { } literal)
            {
                env[name] = literal;
                continue;
            }
            var from = Yaml.Map(item, "valueFrom", name);
            if (Yaml.OptionalMap(from, "fieldRef") is { } field)
            {
                env[name] = "fieldRef:" + Yaml.Scalar(field, "fieldPath", name);
            }
            else if (Yaml.OptionalMap(from, "configMapKeyRef") is { } configKey)
            {
                env[name] = Lookup(ConfigMapData(Yaml.Scalar(configKey, "name", name)), Yaml.Scalar(configKey, "key", name), name);
            }
            else if (Yaml.OptionalMap(from, "secretKeyRef") is { } secretKey)
            {
                env[name] = Lookup(SecretData(Yaml.Scalar(secretKey, "name", name)), Yaml.Scalar(secretKey, "key", name), name);
            }
            else
            {
                throw new Xunit.Sdk.XunitException($"env {name}: unsupported valueFrom");
            }
        }
        return env;
    }

    /// <summary>Names of the env entries in the order they are declared (for $(VAR) references).</summary>
    public static IReadOnlyList<string> EnvOrder(Dictionary<string, object?> container) =>
        Yaml.OptionalList(container, "env").Select(e => Yaml.Scalar(Yaml.Map(e, "env"), "name", "env")).ToList();

    public IReadOnlyDictionary<string, string> ConfigMapData(string name) =>
        Yaml.Map(Find("ConfigMap", name).Body, "data", name).ToDictionary(e => e.Key, e => e.Value as string ?? "");

    public IReadOnlyDictionary<string, string> SecretData(string name)
    {
        var body = Find("Secret", name).Body;
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in Yaml.OptionalMap(body, "data") ?? [])
        {
            data[key] = Encoding.UTF8.GetString(Convert.FromBase64String(value as string ?? ""));
        }
        foreach (var (key, value) in Yaml.OptionalMap(body, "stringData") ?? []) data[key] = value as string ?? "";
        return data;
    }

    private static string Lookup(IReadOnlyDictionary<string, string> data, string key, string what)
    {
        Assert.True(data.ContainsKey(key), $"env {what}: key '{key}' is not in the object it names");
        return data[key];
    }
}
