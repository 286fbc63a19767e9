using CityTwin.Testing;

namespace CityTwin.Web.Tests;

/// <summary>
/// The app running the synthetic Southbay pack, importing into a temporary packs folder, with an
/// upload limit small enough to test (2 MiB).
/// </summary>
public sealed class CityImportHost : IAsyncLifetime
{
    public const long UploadLimit = 2 * 1024 * 1024;

    public SyntheticCityPack Pack { get; } = new();

    public ImportFixtures Files { get; } = new();

    public string PacksPath => Files.PathOf("installed");

    public TwinAppFactory App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = TwinAppFactory.Create(new TwinAppOptions
        {
            Settings = new Dictionary<string, string>
            {
                ["City:Path"] = Pack.Directory,
                ["Cities:PacksPath"] = PacksPath,
                ["Boundaries:CityImportBodyBytes"] = UploadLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
        });
        await ((IAsyncLifetime)App).InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)App).DisposeAsync();
        Pack.Dispose();
        Files.Dispose();
    }
}
