using System.Net;

namespace CityTwin.Deploy.Tests;

public sealed class ComposeTests
{
    private static readonly string[] SharedKeys =
        ["Orleans__ClusterId", "Orleans__ServiceId", "ConnectionStrings__Orleans", "City__Name", "Simulation__Seed"];

    private readonly ComposeFile _compose = ComposeFile.Load();

    [Fact]
    public void DeclaresTheDatabaseTwoSilosTheWebNodeAndTheSimulator()
    {
        Assert.Equal(new[] { "postgres", "silo1", "silo2", "web", "sim" }.Order(), _compose.Services.Keys.Order());
        Assert.Equal("postgres:15", Yaml.Scalar(_compose.Service("postgres"), "image", "postgres"));
    }

    [Fact]
    public void EveryBuildUsesAnExistingDockerfileFromTheRepositoryRoot()
    {
        var expected = new Dictionary<string, string>
        {
            ["silo1"] = "deploy/docker/silo.Dockerfile",
            ["silo2"] = "deploy/docker/silo.Dockerfile",
            ["web"] = "deploy/docker/web.Dockerfile",
            ["sim"] = "deploy/docker/sim.Dockerfile",
        };
        foreach (var (service, dockerfile) in expected)
        {
            Assert.Equal(dockerfile, _compose.DockerfileOf(service));
            Assert.True(Repo.Exists(dockerfile), $"{service} builds from {dockerfile}, which does not exist");
            // The Dockerfiles copy silo/, sim/, web/ and the build settings: the context is the root.
            Assert.Equal(".", _compose.ContextOf(service));
        }
        // Services that only pull must name an image someone publishes or another service builds.
        var built = _compose.Services.Where(s => s.Value.ContainsKey("build")).Select(s => Yaml.OptionalScalar(s.Value, "image")).ToHashSet();
        foreach (var (name, service) in _compose.Services.Where(s => !s.Value.ContainsKey("build")))
        {
            var image = Yaml.Scalar(service, "image", name);
            var available = built.Contains(image) || !image.StartsWith("citytwin/", StringComparison.Ordinal);
            Assert.True(available, $"{name} uses {image}, which no service builds");
        }
    }

    [Fact]
    public void PublishedAndExposedPortsAgreeWithTheEnvironment()
    {
        foreach (var service in ComposeFile.CityTwinServices)
        {
            var dockerfile = Dockerfile.Load(_compose.DockerfileOf(service)!);
            // What the container sees: the image's ENV, overridden by compose's environment.
            var env = new Dictionary<string, string>(dockerfile.Environment.ToDictionary(e => e.Key, e => e.Value));
            foreach (var (key, value) in _compose.Environment(service)) env[key] = value;

            var published = _compose.PublishedPorts(service);
            if (!env.TryGetValue("Urls", out var urls))
            {
                Assert.Empty(published);
                continue;
            }
            var http = UrlsPort.First(urls);
            Assert.DoesNotContain("localhost", urls, StringComparison.OrdinalIgnoreCase);
            Assert.Contains(http, dockerfile.ExposedPorts);
            Assert.All(published, p => Assert.Equal(http, p.Container));
            foreach (var key in new[] { "Orleans__SiloPort", "Orleans__GatewayPort" })
            {
                if (env.TryGetValue(key, out var port)) Assert.Contains(int.Parse(port, System.Globalization.CultureInfo.InvariantCulture), dockerfile.ExposedPorts);
            }
        }
        Assert.Contains((5080, 5080), _compose.PublishedPorts("web"));
        Assert.Equal("http://0.0.0.0:5080", _compose.Environment("web")["Urls"]);
        // Host ports must not collide.
        var hostPorts = _compose.Services.Keys.SelectMany(s => _compose.PublishedPorts(s).Select(p => p.Host)).ToList();
        Assert.Equal(hostPorts.Count, hostPorts.Distinct().Count());
    }

    [Fact]
    public void EveryCityTwinServiceGetsTheSharedEnvironment()
    {
        var shared = Yaml.Map(_compose.Root, "x-citytwin-env", ComposeFile.RelativePath);
        Assert.Equal(SharedKeys.Order(), shared.Keys.Order());
        Assert.Equal("incheon", shared["City__Name"]);
        Assert.Equal("20240624", shared["Simulation__Seed"]);
        foreach (var service in ComposeFile.CityTwinServices)
        {
            var env = _compose.Environment(service);
            foreach (var key in SharedKeys)
            {
                Assert.True(env.ContainsKey(key), $"{service} lacks {key}");
                Assert.Equal(shared[key], env[key]);
            }
        }
    }

    [Fact]
    public void SilosAreClusterMembersThatAdvertiseTheirOwnFixedAddress()
    {
        var network = Yaml.Map(Yaml.Map(_compose.Root, "networks", ComposeFile.RelativePath), "citytwin", "networks");
        var subnet = Yaml.Scalar(Yaml.Map(Yaml.List(Yaml.Map(network, "ipam", "citytwin"), "config", "ipam")[0], "ipam config"), "subnet", "ipam config");
        var (baseAddress, prefix) = (IPAddress.Parse(subnet.Split('/')[0]), int.Parse(subnet.Split('/')[1], System.Globalization.CultureInfo.InvariantCulture));

        var addresses = new List<string>();
        var hostnames = new List<string>();
        foreach (var silo in new[] { "silo1", "silo2" })
        {
            var env = _compose.Environment(silo);
            Assert.Equal("Cluster", env["Orleans__Mode"]);
            var advertised = env["Orleans__AdvertisedIPAddress"];
            var attached = Yaml.Scalar(Yaml.Map(Yaml.Map(_compose.Service(silo), "networks", silo), "citytwin", silo), "ipv4_address", silo);
            Assert.Equal(attached, advertised);
            Assert.True(InSubnet(IPAddress.Parse(advertised), baseAddress, prefix), $"{silo} advertises {advertised}, outside {subnet}");
            addresses.Add(advertised);
            hostnames.Add(Yaml.Scalar(_compose.Service(silo), "hostname", silo));
        }
        Assert.Equal(2, addresses.Distinct().Count());
        Assert.Equal(2, hostnames.Distinct().Count());
        Assert.Equal("Cluster", _compose.Environment("web")["Orleans__Mode"]);
    }

    [Fact]
    public void ConnectionStringNamesThePostgresServiceAndItsCredentials()
    {
        var postgres = _compose.Environment("postgres");
        var parts = ConnectionString.Parse(_compose.Environment("web")["ConnectionStrings__Orleans"]);
        var host = ConnectionString.Get(parts, "Host", "Server");
        var hostname = Yaml.OptionalScalar(_compose.Service("postgres"), "hostname");
        Assert.True(host == "postgres" || host == hostname, $"the connection string's Host {host} is not the postgres service");
        Assert.Equal("5432", ConnectionString.Get(parts, "Port"));
        Assert.Equal(postgres["POSTGRES_DB"], ConnectionString.Get(parts, "Database", "Db"));
        Assert.Equal(postgres["POSTGRES_USER"], ConnectionString.Get(parts, "Username", "User Id", "User", "UserId"));
        Assert.Equal(postgres["POSTGRES_PASSWORD"], ConnectionString.Get(parts, "Password", "Pwd"));
    }

    [Fact]
    public void MountsTheFourSqlScriptsReadOnlyIntoInitdb()
    {
        var mounts = Yaml.OptionalList(_compose.Service("postgres"), "volumes")
            .Select(v => Yaml.Scalar(v, "postgres volume").Split(':'))
            .Where(p => p.Length >= 2 && p[1].StartsWith("/docker-entrypoint-initdb.d/", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(
            ["01-main.sql", "02-clustering.sql", "03-persistence.sql", "04-reminders.sql"],
            mounts.Select(m => Path.GetFileName(m[1])).Order());
        foreach (var mount in mounts)
        {
            var source = Repo.Relative(Path.GetFullPath(Path.Combine(Repo.PathOf(ComposeFile.Directory), mount[0])));
            Assert.True(Repo.Exists(source), $"compose mounts {source}, which does not exist");
            Assert.EndsWith(".sql", source, StringComparison.Ordinal);
            Assert.Equal(Path.GetFileName(source), Path.GetFileName(mount[1]));
            Assert.True(mount.Length == 3 && mount[2] == "ro", $"{source} is not mounted read-only");
        }
    }

    [Fact]
    public void DependenciesWaitForHealthyServices()
    {
        foreach (var silo in new[] { "silo1", "silo2" })
        {
            Assert.Equal("service_healthy", _compose.DependsOn(silo).GetValueOrDefault("postgres"));
        }
        foreach (var client in new[] { "web", "sim" })
        {
            var depends = _compose.DependsOn(client);
            Assert.Equal("service_healthy", depends.GetValueOrDefault("silo1"));
            Assert.Equal("service_healthy", depends.GetValueOrDefault("silo2"));
        }
        // service_healthy never comes for a service without a health check.
        var awaited = _compose.Services.Keys.SelectMany(s => _compose.DependsOn(s).Where(d => d.Value == "service_healthy").Select(d => d.Key)).Distinct();
        foreach (var target in awaited)
        {
            var hasCheck = _compose.Service(target).ContainsKey("healthcheck")
                || (_compose.DockerfileOf(target) is { } dockerfile && Dockerfile.Load(dockerfile).Healthcheck is not null);
            Assert.True(hasCheck, $"others wait for {target} to be healthy, but it has no health check");
        }
        var pgCheck = string.Join(" ", Yaml.List(Yaml.Map(_compose.Service("postgres"), "healthcheck", "postgres"), "test", "healthcheck").Select(t => t as string));
        Assert.Contains("pg_isready", pgCheck, StringComparison.Ordinal);
        // Over TCP: the init scripts run against a socket-only server that pg_isready would accept.
        Assert.Contains("-h 127.0.0.1", pgCheck, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryServiceRestartsAfterAFailure()
    {
        foreach (var (name, service) in _compose.Services)
        {
            var restart = Yaml.OptionalScalar(service, "restart");
            Assert.True(restart is "always" or "unless-stopped" or "on-failure", $"{name} has restart '{restart ?? "no"}'");
        }
    }

    private static bool InSubnet(IPAddress address, IPAddress network, int prefix)
    {
        var a = address.GetAddressBytes();
        var n = network.GetAddressBytes();
        if (a.Length != n.Length) return false;
        for (var bit = 0; bit < prefix; bit++)
        {
            var mask = 0x80 >> (bit % 8);
            if ((a[bit / 8] & mask) != (n[bit / 8] & mask)) return false;
        }
        return true;
    }
}
