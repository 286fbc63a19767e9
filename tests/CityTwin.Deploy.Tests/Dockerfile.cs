using System.Text.Json;
using System.Text.RegularExpressions;

namespace CityTwin.Deploy.Tests;

/// <summary>The facts the tests need from a Dockerfile: stages, copies, environment, ports, entry point.</summary>
public sealed partial class Dockerfile
{
    private Dockerfile(string relativePath, IReadOnlyList<DockerfileInstruction> instructions)
    {
        RelativePath = relativePath;
        Instructions = instructions;
    }

    public string RelativePath { get; }

    public IReadOnlyList<DockerfileInstruction> Instructions { get; }

    public int FinalStage => Instructions.Max(i => i.Stage);

    /// <summary>Image of each stage's FROM, in order.</summary>
    public IReadOnlyList<string> StageImages =>
        Instructions.Where(i => i.Keyword == "FROM").Select(i => Words(i.Arguments).First(w => !w.StartsWith("--", StringComparison.Ordinal))).ToList();

    public string FinalImage => StageImages[FinalStage];

    /// <summary>Sources of COPY/ADD instructions that read the build context (no --from).</summary>
    public IReadOnlyList<string> ContextCopySources =>
        Instructions.Where(i => i.Keyword is "COPY" or "ADD")
            .Select(i => Words(i.Arguments))
            .Where(w => !w.Any(x => x.StartsWith("--from", StringComparison.Ordinal)))
            .SelectMany(w => w.Where(x => !x.StartsWith("--", StringComparison.Ordinal)).SkipLast(1))
            .ToList();

    /// <summary>Project paths given to <c>dotnet publish</c>.</summary>
    public IReadOnlyList<string> PublishedProjects =>
        Instructions.Where(i => i.Keyword == "RUN")
            .SelectMany(i => PublishPattern().Matches(i.Arguments).Select(m => m.Groups[1].Value))
            .ToList();

    /// <summary>ENV of the final stage (what the running container sees from the image).</summary>
    public IReadOnlyDictionary<string, string> Environment
    {
        get
        {
            var env = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var i in Instructions.Where(i => i.Keyword == "ENV" && i.Stage == FinalStage))
            {
                foreach (Match m in EnvPattern().Matches(i.Arguments))
                {
                    env[m.Groups[1].Value] = m.Groups[2].Value.Trim('"');
                }
            }
            return env;
        }
    }

    public IReadOnlySet<int> ExposedPorts =>
        Instructions.Where(i => i.Keyword == "EXPOSE" && i.Stage == FinalStage)
            .SelectMany(i => Words(i.Arguments))
            .Select(p => int.Parse(p.Split('/')[0], System.Globalization.CultureInfo.InvariantCulture))
            .ToHashSet();

    public IReadOnlyList<string> Entrypoint
    {
        get
        {
            var entry = Instructions.LastOrDefault(i => i.Keyword == "ENTRYPOINT" && i.Stage == FinalStage)
                ?? throw new Xunit.Sdk.XunitException($"{RelativePath}: the final stage has no ENTRYPOINT");
            return JsonSerializer.Deserialize<string[]>(entry.Arguments)
                ?? throw new Xunit.Sdk.XunitException($"{RelativePath}: ENTRYPOINT is not an exec-form JSON array");
        }
    }

    public string? User => Instructions.LastOrDefault(i => i.Keyword == "USER" && i.Stage == FinalStage)?.Arguments;

    public string? Healthcheck => Instructions.LastOrDefault(i => i.Keyword == "HEALTHCHECK" && i.Stage == FinalStage)?.Arguments;

    public static Dockerfile Load(string relativePath)
    {
        var lines = Repo.Read(relativePath).Split('\n');
        var instructions = new List<DockerfileInstruction>();
        var stage = -1;
        var current = "";
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd('\r');
            if (current.Length == 0 && line.TrimStart().StartsWith('#')) continue;
            if (current.Length > 0 && line.TrimStart().StartsWith('#')) continue;
            if (line.EndsWith('\\'))
            {
                current += line[..^1] + " ";
                continue;
            }
            current += line;
            var text = current.Trim();
            current = "";
            if (text.Length == 0) continue;
            var space = text.IndexOfAny([' ', '\t']);
            var keyword = (space < 0 ? text : text[..space]).ToUpperInvariant();
            var arguments = space < 0 ? "" : text[(space + 1)..].Trim();
            if (keyword == "FROM") stage++;
            instructions.Add(new DockerfileInstruction(keyword, arguments, Math.Max(stage, 0)));
        }
        return new Dockerfile(relativePath, instructions);
    }

    private static string[] Words(string text) => text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);

    [GeneratedRegex(@"dotnet\s+publish\s+(\S+\.csproj)")]
    private static partial Regex PublishPattern();

    [GeneratedRegex(@"([A-Za-z_][A-Za-z0-9_]*)=(""[^""]*""|\S*)")]
    private static partial Regex EnvPattern();
}
