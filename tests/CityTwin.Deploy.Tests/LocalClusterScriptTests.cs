using System.Diagnostics;
using System.Text.RegularExpressions;

namespace CityTwin.Deploy.Tests;

public sealed partial class LocalClusterScriptTests
{
    public const string Script = "deploy/local-cluster.sh";

    [Fact]
    public void PassesBashSyntaxCheck()
    {
        var start = new ProcessStartInfo("bash", ["-n", Repo.PathOf(Script)]) { RedirectStandardError = true, UseShellExecute = false };
        using var bash = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var errors = bash.StandardError.ReadToEnd();
        Assert.True(bash.WaitForExit(30_000), "bash -n did not finish");
        Assert.True(bash.ExitCode == 0, $"bash -n {Script}: {errors}");
        Assert.StartsWith("#!/usr/bin/env bash", Repo.Read(Script), StringComparison.Ordinal);
        Assert.Contains("set -euo pipefail", Repo.Read(Script), StringComparison.Ordinal);
    }

    [Fact]
    public void GivesEveryProcessItsOwnPorts()
    {
        var defaults = PortDefault().Matches(Repo.Read(Script))
            .ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        var expected = new Dictionary<string, int>
        {
            ["silo1_http"] = 5181, ["silo1_silo"] = 11111, ["silo1_gateway"] = 30000,
            ["silo2_http"] = 5182, ["silo2_silo"] = 11112, ["silo2_gateway"] = 30001,
            ["web_http"] = 5080,
        };
        Assert.Equal(expected.OrderBy(e => e.Key), defaults.OrderBy(e => e.Key));
        Assert.Equal(defaults.Count, defaults.Values.Distinct().Count());
        // Each port variable is handed to exactly one process's settings.
        var text = Repo.Read(Script);
        foreach (var variable in defaults.Keys)
        {
            Assert.Single(Regex.Matches(text, @"echo ""[A-Za-z_]+=[^""]*\$" + variable + @"\b"));
        }
    }

    [Fact]
    public void RunsClusterProcessesOnLoopback()
    {
        var text = Repo.Read(Script);
        Assert.Contains("echo \"Orleans__AdvertisedIPAddress=127.0.0.1\"", text, StringComparison.Ordinal);
        var web = Regex.Match(text, @"\n\s+web\)\n(?<body>(?:\s+echo [^\n]+\n)+)");
        Assert.True(web.Success, "no environment block for web in env_of");
        Assert.Contains("Orleans__Mode=Cluster", web.Groups["body"].Value, StringComparison.Ordinal);
        Assert.Contains("Urls=http://127.0.0.1:$web_http", web.Groups["body"].Value, StringComparison.Ordinal);
        Assert.Contains(".local-cluster/", Repo.Read(".gitignore").Split('\n').Select(l => l.Trim()));
    }

    [Fact]
    public void StartsTheProjectsTheDockerfilesPublish()
    {
        var text = Repo.Read(Script);
        var projects = ProjectPath().Matches(text).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Equal(["silo/CityTwin.Silo/CityTwin.Silo.csproj", "sim/CityTwin.Sim/CityTwin.Sim.csproj", "web/CityTwin.Web/CityTwin.Web.csproj"], projects.Order());
        foreach (var project in projects)
        {
            Assert.True(Repo.Exists(project), $"{Script} publishes {project}, which does not exist");
            Assert.Contains("echo " + ProjectFile.Load(project).AssemblyName + ".dll", text, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"\n([a-z0-9]+_[a-z]+)=\$\{CITYTWIN_[A-Z0-9_]+_PORT:-(\d+)\}")]
    private static partial Regex PortDefault();

    [GeneratedRegex(@"""((?:silo|sim|web)/[A-Za-z.]+/[A-Za-z.]+\.csproj)""")]
    private static partial Regex ProjectPath();
}
