namespace CityTwin.Deploy.Tests;

public sealed class KubernetesTests
{
    private const string ConfigMap = "citytwin-config";
    private const string Silo = "citytwin-silo";

    private readonly KubeManifests _k8s = KubeManifests.Load();

    [Fact]
    public void EveryManifestParsesIntoNamedObjects()
    {
        var files = Directory.GetFiles(Repo.PathOf(KubeManifests.Directory), "*.y*ml").Select(Repo.Relative).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var documents = Yaml.LoadAll(Repo.Read(file)).Where(d => d is not null).ToList();
            Assert.NotEmpty(documents);
            foreach (var document in documents)
            {
                var map = Yaml.Map(document, file);
                if (file == KubeManifests.KustomizationPath)
                {
                    Assert.Equal("Kustomization", Yaml.Scalar(map, "kind", file));
                    continue;
                }
                Assert.False(string.IsNullOrWhiteSpace(Yaml.Scalar(map, "apiVersion", file)), $"{file}: a document without apiVersion");
                var kube = new KubeDocument(file, map);
                Assert.False(string.IsNullOrWhiteSpace(kube.Name), $"{file}: a {kube.Kind} without a name");
            }
        }
        var expected = new (string Kind, string Name)[]
        {
            ("Namespace", "citytwin"), ("Secret", "citytwin-db"), ("ConfigMap", ConfigMap),
            ("StatefulSet", "postgres"), ("Service", "postgres"), ("Job", "citytwin-db-schema"),
            ("ServiceAccount", Silo), ("Role", Silo), ("RoleBinding", Silo),
            ("Deployment", Silo), ("Deployment", "citytwin-web"), ("Service", "citytwin-web"), ("Deployment", "citytwin-sim"),
        };
        foreach (var (kind, name) in expected) _k8s.Find(kind, name);
    }

    [Fact]
    public void KustomizationListsExistingFilesAndEveryManifest()
    {
        var listed = _k8s.ResourceFiles;
        foreach (var resource in listed)
        {
            var exists = Repo.Exists(resource) || File.Exists(Path.Combine(Repo.PathOf(resource), "kustomization.yaml"));
            Assert.True(exists, $"kustomization.yaml lists {resource}, which does not exist");
        }
        var manifests = Directory.GetFiles(Repo.PathOf(KubeManifests.Directory), "*.y*ml").Select(Repo.Relative)
            .Where(f => f != KubeManifests.KustomizationPath);
        Assert.All(manifests, m => Assert.Contains(m, listed));
        Assert.Equal("citytwin", Yaml.Scalar(_k8s.Kustomization, "namespace", KubeManifests.KustomizationPath));

        // The schema scripts: generated from deploy/sql here, or by a kustomization listed above.
        var generators = Yaml.OptionalList(_k8s.Kustomization, "configMapGenerator").Select(g => Yaml.Map(g, "configMapGenerator")).ToList();
        var sqlGenerator = generators.SingleOrDefault(g => Yaml.OptionalScalar(g, "name") == "citytwin-sql");
        var sqlKustomization = listed.Any(r => File.Exists(Path.Combine(Repo.PathOf(r), "kustomization.yaml")));
        Assert.True(sqlGenerator is not null || sqlKustomization, "no configMapGenerator named citytwin-sql");
        if (sqlGenerator is not null)
        {
            var files = Yaml.List(sqlGenerator, "files", "citytwin-sql")
                .Select(f => Yaml.Scalar(f, "file").Split('=')[^1])
                .Select(f => Repo.Relative(Path.GetFullPath(Path.Combine(Repo.PathOf(KubeManifests.Directory), f))))
                .ToList();
            Assert.Equal(["deploy/sql/01-main.sql", "deploy/sql/02-clustering.sql", "deploy/sql/03-persistence.sql", "deploy/sql/04-reminders.sql"], files);
            Assert.All(files, f => Assert.True(Repo.Exists(f), $"the citytwin-sql generator reads {f}, which does not exist"));
        }
        // The Job mounts what the generator makes.
        var volumes = Yaml.OptionalList(KubeManifests.PodSpec(_k8s.Find("Job", "citytwin-db-schema")), "volumes").Select(v => Yaml.Map(v, "volume"));
        Assert.Contains(volumes, v => Yaml.At(v, "configMap.name") as string == "citytwin-sql");
    }

    [Fact]
    public void SiloPodsCarryWhatOrleansKubernetesHostingReads()
    {
        var silo = _k8s.Find("Deployment", Silo);
        var config = _k8s.ConfigMapData(ConfigMap);
        var labels = KubeManifests.PodLabels(silo);
        Assert.Equal(config["Orleans__ServiceId"], labels.GetValueOrDefault("orleans/serviceId"));
        Assert.Equal(config["Orleans__ClusterId"], labels.GetValueOrDefault("orleans/clusterId"));
        Assert.Equal("2", Yaml.Scalar(Yaml.Map(silo.Body, "spec", Silo), "replicas", Silo));

        var container = KubeManifests.Container(silo);
        var env = _k8s.Environment(container);
        Assert.Equal("fieldRef:metadata.name", env.GetValueOrDefault("POD_NAME"));
        Assert.Equal("fieldRef:metadata.namespace", env.GetValueOrDefault("POD_NAMESPACE"));
        Assert.Equal("fieldRef:status.podIP", env.GetValueOrDefault("POD_IP"));
        // Kubernetes hosting takes the ids from these two, and clients from Orleans__*: one value each.
        Assert.Equal(env["Orleans__ServiceId"], env.GetValueOrDefault("ORLEANS_SERVICE_ID"));
        Assert.Equal(env["Orleans__ClusterId"], env.GetValueOrDefault("ORLEANS_CLUSTER_ID"));
        Assert.Equal("true", env.GetValueOrDefault("Orleans__Kubernetes"));
        Assert.Equal("Cluster", env.GetValueOrDefault("Orleans__Mode"));
        if (env.TryGetValue("Orleans__AdvertisedIPAddress", out var advertised))
        {
            // Only the pod's own IP works; $(POD_IP) expands only if POD_IP is declared before it.
            Assert.Equal("$(POD_IP)", advertised);
            var order = KubeManifests.EnvOrder(container).ToList();
            Assert.True(order.IndexOf("POD_IP") < order.IndexOf("Orleans__AdvertisedIPAddress"), "POD_IP must come before Orleans__AdvertisedIPAddress");
        }
        var spec = KubeManifests.PodSpec(silo);
        var grace = int.Parse(Yaml.Scalar(spec, "terminationGracePeriodSeconds", Silo), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(grace, 20, 60);
    }

    [Fact]
    public void SiloServiceAccountMayWatchAndLabelPods()
    {
        var spec = KubeManifests.PodSpec(_k8s.Find("Deployment", Silo));
        var account = Yaml.Scalar(spec, "serviceAccountName", Silo);
        _k8s.Find("ServiceAccount", account);
        Assert.NotEqual("false", Yaml.OptionalScalar(spec, "automountServiceAccountToken"));

        var bindings = _k8s.OfKind("RoleBinding").Where(b =>
            Yaml.OptionalList(b.Body, "subjects").Select(s => Yaml.Map(s, "subject"))
                .Any(s => Yaml.OptionalScalar(s, "kind") == "ServiceAccount" && Yaml.OptionalScalar(s, "name") == account)).ToList();
        var binding = Assert.Single(bindings);
        var roleRef = Yaml.Map(binding.Body, "roleRef", binding.Name);
        Assert.Equal("Role", Yaml.Scalar(roleRef, "kind", "roleRef"));
        var role = _k8s.Find("Role", Yaml.Scalar(roleRef, "name", "roleRef"));
        var podVerbs = Yaml.List(role.Body, "rules", role.Name).Select(r => Yaml.Map(r, "rule"))
            .Where(r => Yaml.OptionalList(r, "resources").Contains("pods") && Yaml.OptionalList(r, "apiGroups").Contains(""))
            .SelectMany(r => Yaml.OptionalList(r, "verbs").Select(v => v as string))
            .ToHashSet();
        foreach (var verb in new[] { "get", "list", "watch", "patch" })
        {
            Assert.Contains(verb, podVerbs);
        }
    }

    [Fact]
    public void ProbesAskHealthzOnTheHttpPort()
    {
        foreach (var name in new[] { Silo, "citytwin-web" })
        {
            var container = KubeManifests.Container(_k8s.Find("Deployment", name));
            var http = UrlsPort.First(_k8s.Environment(container)["Urls"]);
            Assert.Contains(http, KubeManifests.Ports(container).Values);
            var probes = new[] { "startupProbe", "readinessProbe", "livenessProbe" }
                .Where(container.ContainsKey)
                .ToDictionary(p => p, p => Yaml.Map(container, p, name));
            Assert.True(probes.ContainsKey("readinessProbe"), $"{name} has no readiness probe");
            foreach (var (kind, probe) in probes)
            {
                if (Yaml.OptionalMap(probe, "httpGet") is { } get)
                {
                    Assert.Equal("/healthz", Yaml.Scalar(get, "path", $"{name} {kind}"));
                    Assert.Equal(http, KubeManifests.ResolvePort(container, Yaml.Scalar(get, "port", $"{name} {kind}")));
                }
                else if (Yaml.OptionalMap(probe, "tcpSocket") is { } tcp)
                {
                    Assert.Equal(http, KubeManifests.ResolvePort(container, Yaml.Scalar(tcp, "port", $"{name} {kind}")));
                }
            }
        }
        var silo = KubeManifests.Container(_k8s.Find("Deployment", Silo));
        foreach (var kind in new[] { "readinessProbe", "livenessProbe" })
        {
            Assert.Equal("/healthz", Yaml.At(Yaml.Map(silo, kind, Silo), "httpGet.path"));
        }
    }

    [Fact]
    public void ContainerAndServicePortsAgreeWithTheEnvironment()
    {
        var silo = KubeManifests.Container(_k8s.Find("Deployment", Silo));
        var env = _k8s.Environment(silo);
        var ports = KubeManifests.Ports(silo).Values.ToHashSet();
        // Kubernetes hosting does not apply Orleans:SiloPort/GatewayPort: Orleans' defaults
        // (11111, 30000) are what the silo listens on, so the settings must say the same.
        Assert.Equal("11111", env.GetValueOrDefault("Orleans__SiloPort", "11111"));
        Assert.Equal("30000", env.GetValueOrDefault("Orleans__GatewayPort", "30000"));
        Assert.Contains(11111, ports);
        Assert.Contains(30000, ports);
        Assert.Contains(UrlsPort.First(env["Urls"]), ports);

        var web = KubeManifests.Container(_k8s.Find("Deployment", "citytwin-web"));
        var webPort = UrlsPort.First(_k8s.Environment(web)["Urls"]);
        Assert.Equal(5080, webPort);
        Assert.Equal("Cluster", _k8s.Environment(web)["Orleans__Mode"]);
        var service = _k8s.Find("Service", "citytwin-web");
        var servicePort = Yaml.Map(Assert.Single(Yaml.List(Yaml.Map(service.Body, "spec", service.Name), "ports", service.Name)), "port");
        Assert.Equal("5080", Yaml.Scalar(servicePort, "port", "citytwin-web port"));
        Assert.Equal(webPort, KubeManifests.ResolvePort(web, Yaml.OptionalScalar(servicePort, "targetPort") ?? "5080"));
        var selector = Yaml.Map(Yaml.Map(service.Body, "spec", service.Name), "selector", service.Name);
        var labels = KubeManifests.PodLabels(_k8s.Find("Deployment", "citytwin-web"));
        Assert.All(selector, s => Assert.Equal(s.Value, labels.GetValueOrDefault(s.Key)));
    }

    [Fact]
    public void SecretConnectionStringNamesThePostgresServiceAndItsCredentials()
    {
        var secret = _k8s.SecretData("citytwin-db");
        var parts = ConnectionString.Parse(secret["connection-string"]);
        var postgres = _k8s.Environment(KubeManifests.Container(_k8s.Find("StatefulSet", "postgres")));
        Assert.Equal(postgres["POSTGRES_DB"], ConnectionString.Get(parts, "Database", "Db"));
        Assert.Equal(postgres["POSTGRES_USER"], ConnectionString.Get(parts, "Username", "User Id", "User", "UserId"));
        Assert.Equal(postgres["POSTGRES_PASSWORD"], ConnectionString.Get(parts, "Password", "Pwd"));

        var service = _k8s.Find("Service", "postgres");
        Assert.Equal(service.Name, ConnectionString.Get(parts, "Host", "Server"));
        var port = Yaml.Map(Assert.Single(Yaml.List(Yaml.Map(service.Body, "spec", "postgres"), "ports", "postgres")), "port");
        Assert.Equal(Yaml.Scalar(port, "port", "postgres port"), ConnectionString.Get(parts, "Port"));
        Assert.Equal(service.Name, secret["postgres-host"]);

        // Every CityTwin container reads the same connection string.
        foreach (var name in new[] { Silo, "citytwin-web", "citytwin-sim" })
        {
            Assert.Equal(secret["connection-string"], _k8s.Environment(KubeManifests.Container(_k8s.Find("Deployment", name)))["ConnectionStrings__Orleans"]);
        }
    }

    [Fact]
    public void EveryCityTwinProcessSharesCitySeedAndClusterIds()
    {
        var shared = _k8s.ConfigMapData(ConfigMap);
        var compose = Yaml.Map(ComposeFile.Load().Root, "x-citytwin-env", ComposeFile.RelativePath);
        foreach (var key in new[] { "Orleans__ClusterId", "Orleans__ServiceId", "City__Name", "Simulation__Seed" })
        {
            Assert.True(shared.ContainsKey(key), $"ConfigMap {ConfigMap} lacks {key}");
            Assert.Equal(compose[key], shared[key]);
            foreach (var name in new[] { Silo, "citytwin-web", "citytwin-sim" })
            {
                var env = _k8s.Environment(KubeManifests.Container(_k8s.Find("Deployment", name)));
                Assert.Equal(shared[key], env.GetValueOrDefault(key));
            }
        }
    }

    [Fact]
    public void ExactlyOneSimulatorRuns()
    {
        var spec = Yaml.Map(_k8s.Find("Deployment", "citytwin-sim").Body, "spec", "citytwin-sim");
        Assert.Equal("1", Yaml.Scalar(spec, "replicas", "citytwin-sim"));
        // A rolling update would run the old and the new simulator side by side.
        Assert.Equal("Recreate", Yaml.At(spec, "strategy.type"));
    }
}
