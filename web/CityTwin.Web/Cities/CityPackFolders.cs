using System.Text.Json;
using CityTwin.Hosting;
using CityTwin.Model.City;
using Microsoft.Extensions.Options;

namespace CityTwin.Web.Cities;

/// <summary>
/// The city packs this node knows: the one the live twin runs, the packs shipped beside it
/// (data/cities) and those imported into <see cref="CityPacksOptions.PacksPath"/>. A folder whose
/// manifest does not validate is left out of the list (and logged), never half-shown.
/// </summary>
public sealed class CityPackFolders(CityCatalog running, IOptions<CityPacksOptions> options, IWebHostEnvironment environment, IConfiguration configuration, ILogger<CityPackFolders> logger)
{
    /// <summary>The folder imports are written to (created on first use).</summary>
    public string ImportRoot { get; } = Path.GetFullPath(options.Value.PacksPath, environment.ContentRootPath);

    /// <summary>The running pack's folder.</summary>
    public string RunningDirectory { get; } = Locate(configuration);

    /// <summary>
    /// The folder of the packs shipped with the app (data/cities), found through <c>City:Name</c>:
    /// after a switch to an imported city the running pack is not beside them, and the list must
    /// still offer the way back.
    /// </summary>
    private readonly string? _shippedRoot = ShippedRoot(configuration);

    public IReadOnlyList<(InstalledPack Pack, string Directory)> List()
    {
        var found = new List<(InstalledPack, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Add(RunningDirectory, imported: false);
        var shipped = Path.GetDirectoryName(RunningDirectory);
        foreach (var root in new[] { shipped, _shippedRoot, ImportRoot }.Distinct())
        {
            if (root is null || !Directory.Exists(root)) continue;
            foreach (var dir in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
                if (!Path.GetFileName(dir).StartsWith('.')) Add(dir, imported: root == ImportRoot);
        }
        return found;

        void Add(string directory, bool imported)
        {
            if (!File.Exists(Path.Combine(directory, CityManifestReader.FileName))) return;
            CityPack pack;
            try
            {
                pack = CityManifestReader.Read(directory);
            }
            catch (CityPackException ex)
            {
                logger.LogWarning("City pack {Directory} left out of the list: {Problem}", directory, ex.Message);
                return;
            }
            if (!seen.Add(pack.Id)) return;
            var (borrowed, from) = Borrowed(directory);
            var isRunning = pack.Id == running.Id;
            found.Add((new InstalledPack(pack.Id, pack.Names, isRunning, imported, borrowed, from, pack.TimeZoneId,
                [pack.Location.Longitude, pack.Location.Latitude],
                RunWith(directory, imported)), directory));
        }
    }

    /// <summary>A shipped pack is named (City:Name); any other by its folder (City:Path).</summary>
    private static string RunWith(string directory, bool imported) =>
        !imported && Path.GetFileName(Path.GetDirectoryName(directory)) == "cities"
            ? $"--City:Name={Path.GetFileName(directory)}"
            : $"--City:Path={directory}";

    /// <summary>The folder of an installed pack, or null.</summary>
    public string? Find(string id) => List().FirstOrDefault(p => p.Pack.Id == id).Directory;

    private static (IReadOnlyList<string>, string?) Borrowed(string directory)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, CityManifestReader.FileName)),
                new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (!document.RootElement.TryGetProperty("borrowed", out var b) || b.ValueKind != JsonValueKind.Object) return ([], null);
            var fields = b.TryGetProperty("fields", out var f) && f.ValueKind == JsonValueKind.Array
                ? f.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList()
                : [];
            return (fields, b.TryGetProperty("from", out var from) && from.ValueKind == JsonValueKind.String ? from.GetString() : null);
        }
        catch (JsonException)
        {
            return ([], null);
        }
    }

    private static string? ShippedRoot(IConfiguration configuration)
    {
        var options = configuration.GetSection(CityOptions.Section).Get<CityOptions>() ?? new CityOptions();
        try
        {
            return Path.GetDirectoryName(CityPackLocator.Find(options.Name));
        }
        catch (CityPackException)
        {
            return null;
        }
    }

    private static string Locate(IConfiguration configuration)
    {
        var options = configuration.GetSection(CityOptions.Section).Get<CityOptions>() ?? new CityOptions();
        return CityPackLocator.Find(options.Name, options.Path);
    }
}
