using System.Text.RegularExpressions;

namespace CityTwin.Deploy.Tests;

public sealed partial class DockerfileTests
{
    /// <summary>Each image, the project it must publish and the ports it must expose.</summary>
    public static TheoryData<string, string, int[]> Images => new()
    {
        { "deploy/docker/silo.Dockerfile", "silo/CityTwin.Silo/CityTwin.Silo.csproj", [5180, 11111, 30000] },
        { "deploy/docker/web.Dockerfile", "web/CityTwin.Web/CityTwin.Web.csproj", [5080] },
        { "deploy/docker/sim.Dockerfile", "sim/CityTwin.Sim/CityTwin.Sim.csproj", [] },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public void PublishesAnExistingProjectAndRunsItsAssembly(string dockerfile, string project, int[] ports)
    {
        _ = ports;
        var file = Dockerfile.Load(dockerfile);
        var published = Assert.Single(file.PublishedProjects);
        Assert.Equal(project, published);
        Assert.True(Repo.Exists(published), $"{dockerfile} publishes {published}, which does not exist");
        Assert.Contains("-c Release", file.Instructions.Single(i => i.Arguments.Contains("dotnet publish", StringComparison.Ordinal)).Arguments, StringComparison.Ordinal);
        var assembly = ProjectFile.Load(published).AssemblyName + ".dll";
        Assert.Equal(["dotnet", assembly], file.Entrypoint);
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void CopiesEverythingThePublishedProjectNeeds(string dockerfile, string project, int[] ports)
    {
        _ = ports;
        var file = Dockerfile.Load(dockerfile);
        var sources = file.ContextCopySources.Select(s => s.TrimEnd('/')).ToList();
        Assert.All(sources, s => Assert.True(s == "." || Repo.Exists(s) || Directory.Exists(Repo.PathOf(s)), $"{dockerfile} copies {s}, which does not exist"));

        bool Copied(string path) => sources.Any(s => s == "." || path == s || path.StartsWith(s + "/", StringComparison.Ordinal));
        var needed = ProjectFile.Closure(project).Select(p => p.RelativePath)
            .Concat(["global.json", "Directory.Build.props", "Directory.Packages.props", "data/cities/incheon/README.md"]);
        Assert.All(needed, path => Assert.True(Copied(path), $"{dockerfile} does not copy {path} into the build stage"));

        // What the Dockerfile copies must not be cut out of the build context.
        var ignored = DockerIgnorePatterns();
        Assert.All(sources, s => Assert.DoesNotContain(ignored, p => Excludes(p, s)));
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void ExposesThePortsItsEnvironmentConfigures(string dockerfile, string project, int[] ports)
    {
        _ = project;
        var file = Dockerfile.Load(dockerfile);
        Assert.Equal(ports.Order(), file.ExposedPorts.Order());
        var env = file.Environment;
        if (ports.Length == 0)
        {
            Assert.False(env.ContainsKey("Urls"), $"{dockerfile} sets Urls but exposes no port");
            return;
        }
        Assert.True(env.ContainsKey("Urls"), $"{dockerfile} must set Urls: appsettings.json listens on localhost only");
        Assert.Contains(UrlsPort.First(env["Urls"]), file.ExposedPorts);
        Assert.DoesNotContain("localhost", env["Urls"], StringComparison.OrdinalIgnoreCase);
        foreach (var key in new[] { "Orleans__SiloPort", "Orleans__GatewayPort" })
        {
            if (env.TryGetValue(key, out var port)) Assert.Contains(int.Parse(port, System.Globalization.CultureInfo.InvariantCulture), file.ExposedPorts);
        }
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void RunsAsAnUnprivilegedUser(string dockerfile, string project, int[] ports)
    {
        _ = (project, ports);
        var user = Dockerfile.Load(dockerfile).User;
        Assert.False(string.IsNullOrWhiteSpace(user), $"{dockerfile}: the final stage sets no USER, so the process runs as root");
        Assert.DoesNotContain(user!.Split(':')[0], new[] { "root", "0" });
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void HealthcheckAsksHealthzOnTheHttpPort(string dockerfile, string project, int[] ports)
    {
        _ = project;
        var file = Dockerfile.Load(dockerfile);
        if (ports.Length == 0)
        {
            Assert.Null(file.Healthcheck);
            return;
        }
        var check = file.Healthcheck;
        Assert.NotNull(check);
        Assert.Contains("/healthz", check, StringComparison.Ordinal);
        // The aspnet base image has neither curl nor wget.
        Assert.DoesNotMatch(@"\b(curl|wget)\b", check);
        var fallback = HealthPortFallback().Match(check);
        Assert.True(fallback.Success, $"{dockerfile}: HEALTHCHECK names no port");
        Assert.Equal(UrlsPort.First(file.Environment["Urls"]).ToString(System.Globalization.CultureInfo.InvariantCulture), fallback.Groups[1].Value);
    }

    [Theory]
    [MemberData(nameof(Images))]
    public void BuildsWithTheSdkAndRunsOnAFrameworkTheProjectCanUse(string dockerfile, string project, int[] ports)
    {
        _ = ports;
        var file = Dockerfile.Load(dockerfile);
        var closure = ProjectFile.Closure(project);
        var stage = file.Instructions.Single(i => i.Arguments.Contains("dotnet publish", StringComparison.Ordinal)).Stage;
        Assert.Equal("mcr.microsoft.com/dotnet/sdk:10.0", file.StageImages[stage]);
        var needsAspNet = closure.Any(p => p.AsksForAspNetCore);
        var allowed = needsAspNet
            ? new[] { "mcr.microsoft.com/dotnet/aspnet:10.0" }
            : new[] { "mcr.microsoft.com/dotnet/aspnet:10.0", "mcr.microsoft.com/dotnet/runtime:10.0" };
        var suitable = Array.IndexOf(allowed, file.FinalImage) >= 0;
        Assert.True(suitable,
            $"{dockerfile} runs on {file.FinalImage}; {project} {(needsAspNet ? "needs the ASP.NET Core framework" : "needs .NET 10")}: use {string.Join(" or ", allowed)}");
    }

    [Fact]
    public void WebBuildHasNode20OrLaterForNpmCi()
    {
        var file = Dockerfile.Load("deploy/docker/web.Dockerfile");
        var node = file.StageImages.Select(i => NodeImage().Match(i)).SingleOrDefault(m => m.Success);
        Assert.True(node is not null, "web.Dockerfile takes node from no node:<version> image");
        Assert.True(int.Parse(node.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 20, $"node {node.Groups[1].Value} is older than 20");
        var publishStage = file.Instructions.Single(i => i.Arguments.Contains("dotnet publish", StringComparison.Ordinal)).Stage;
        Assert.Contains(file.Instructions, i => i.Stage == publishStage && i.Keyword == "COPY" && i.Arguments.Contains("/usr/local/bin/node", StringComparison.Ordinal));
        Assert.Contains(file.Instructions, i => i.Stage == publishStage && i.Arguments.Contains("npm-cli.js", StringComparison.Ordinal));
        Assert.True(Repo.Exists("web/CityTwin.Web/package-lock.json"), "npm ci needs web/CityTwin.Web/package-lock.json");
    }

    [Fact]
    public void DockerIgnoreKeepsBuildOutputsAndGitOut()
    {
        var patterns = DockerIgnorePatterns();
        foreach (var path in new[] { "silo/CityTwin.Silo/bin", "web/CityTwin.Web/obj", "web/CityTwin.Web/node_modules", ".git", "tests/CityTwin.Web.Tests/TestResults" })
        {
            var excluded = patterns.Any(p => Excludes(p, path));
            Assert.True(excluded, $".dockerignore lets {path} into the build context");
        }
    }

    private static List<string> DockerIgnorePatterns() =>
        Repo.Read(".dockerignore").Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.TrimEnd('/'))
            .ToList();

    /// <summary>Whether a .dockerignore pattern excludes a path (or a folder above it).</summary>
    private static bool Excludes(string pattern, string path)
    {
        if (pattern.StartsWith('!')) return false;
        var regex = "^" + Regex.Escape(pattern)
            .Replace(@"\*\*/", "(.*/)?", StringComparison.Ordinal)
            .Replace(@"\*", "[^/]*", StringComparison.Ordinal) + "(/.*)?$";
        return Regex.IsMatch(path.TrimEnd('/'), regex);
    }

    [GeneratedRegex(@"\$\{p:-(\d+)\}")]
    private static partial Regex HealthPortFallback();

    [GeneratedRegex(@"^node:(\d+)")]
    private static partial Regex NodeImage();
}
