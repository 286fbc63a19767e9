namespace CityTwin.Web.Cities;

/// <summary>
/// Where imported city packs go and how far a zipped Shapefile may unpack (section <c>Cities</c>);
/// the upload's size limit is <c>Boundaries:CityImportBodyBytes</c>.
/// </summary>
public sealed record CityPacksOptions
{
    public const string Section = "Cities";

    /// <summary>
    /// The folder imported packs are written to, one sub-folder per city id; relative paths are
    /// under the app's content root. The default sits beside the embedded silo's durable store
    /// (App_Data), so an import survives restarts and stays out of the repository; in a cluster,
    /// point it at a shared volume.
    /// </summary>
    public string PacksPath { get; init; } = "App_Data/cities";

    /// <summary>Largest total a zipped Shapefile may unpack to, bytes.</summary>
    public long MaxUnzippedBytes { get; init; } = 512L * 1024 * 1024;
}
