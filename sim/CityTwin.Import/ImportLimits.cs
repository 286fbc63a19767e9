namespace CityTwin.Import;

/// <summary>
/// Bounds on what an import reads, so a hostile or mistaken file is refused with a message instead
/// of filling the disk or the memory (a zip bomb, a million-feature layer).
/// </summary>
public sealed record ImportLimits
{
    /// <summary>Largest total of the files unpacked from one zip, bytes.</summary>
    public long MaxUnzippedBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>Most entries in one zip (a Shapefile needs four or five).</summary>
    public int MaxZipEntries { get; init; } = 64;

    /// <summary>Largest unpacked-to-packed ratio of a zip entry: more is a zip bomb, not a Shapefile.</summary>
    public double MaxCompressionRatio { get; init; } = 200;

    /// <summary>Most features in one boundary layer.</summary>
    public int MaxBoundaryFeatures { get; init; } = 20_000;

    /// <summary>Most features in a buildings or roads layer.</summary>
    public int MaxLayerFeatures { get; init; } = 500_000;

    public static ImportLimits Default { get; } = new();
}
