using System.Text.RegularExpressions;

namespace CityTwin.Deploy.Tests;

public sealed partial class ConfigurationKeyTests
{
    /// <summary>Environment variables that are CityTwin configuration (the rest belong to others).</summary>
    private static readonly string[] Prefixes = ["Orleans__", "City__", "Simulation__", "ConnectionStrings__"];

    [Fact]
    public void EveryDeploymentSettingIsAKeyTheCodeKnows()
    {
        var missing = AppSettingsKeys.Files.Where(f => !Repo.Exists(f)).ToList();
        Assert.True(missing.Count == 0, $"missing appsettings.json: {string.Join(", ", missing)}");
        var known = AppSettingsKeys.Files.SelectMany(f => AppSettingsKeys.Flatten(f).Keys).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var unknown = DeploymentVariables()
            .Where(v => Prefixes.Any(p => v.Name.StartsWith(p, StringComparison.Ordinal)))
            .Where(v => !known.Contains(AppSettingsKeys.FromEnvironment(v.Name)))
            .Select(v => $"{v.Name} ({v.Where})")
            .Distinct()
            .ToList();
        Assert.True(unknown.Count == 0, "settings no appsettings.json declares: " + string.Join(", ", unknown));
    }

    [Fact]
    public void EveryProcessDefaultsToTheSameCityAndSeed()
    {
        foreach (var file in AppSettingsKeys.Files)
        {
            var keys = AppSettingsKeys.Flatten(file);
            Assert.Equal("incheon", keys.GetValueOrDefault("City:Name"));
            Assert.Equal("20240624", keys.GetValueOrDefault("Simulation:Seed"));
        }
    }

    /// <summary>Every environment variable the deployment files set, with where it is set.</summary>
    private static IEnumerable<(string Name, string Where)> DeploymentVariables()
    {
        var compose = ComposeFile.Load();
        foreach (var service in compose.Services.Keys)
        {
            foreach (var name in compose.Environment(service).Keys) yield return (name, $"compose {service}");
        }
        foreach (var name in Yaml.Map(compose.Root, "x-citytwin-env", ComposeFile.RelativePath).Keys) yield return (name, "compose x-citytwin-env");

        var k8s = KubeManifests.Load();
        foreach (var map in k8s.OfKind("ConfigMap").Where(c => c.Name == "citytwin-config"))
        {
            foreach (var name in Yaml.Map(map.Body, "data", map.Name).Keys) yield return (name, $"ConfigMap {map.Name}");
        }
        foreach (var workload in k8s.Documents.Where(d => d.Kind is "Deployment" or "StatefulSet" or "Job"))
        {
            foreach (var container in KubeManifests.Containers(workload))
            {
                foreach (var name in KubeManifests.EnvOrder(container)) yield return (name, $"{workload.Kind} {workload.Name}");
            }
        }
        foreach (var dockerfile in new[] { "silo", "web", "sim" })
        {
            var path = $"deploy/docker/{dockerfile}.Dockerfile";
            foreach (var name in Dockerfile.Load(path).Environment.Keys) yield return (name, path);
        }
        foreach (Match m in ScriptVariable().Matches(Repo.Read(LocalClusterScriptTests.Script)))
        {
            yield return (m.Groups[1].Value, LocalClusterScriptTests.Script);
        }
    }

    [GeneratedRegex(@"echo ""([A-Za-z]+__[A-Za-z_]+)=")]
    private static partial Regex ScriptVariable();
}
