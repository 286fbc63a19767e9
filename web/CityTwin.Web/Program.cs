using System.Text.Json;
using System.Text.Json.Serialization;
using CityTwin.Abstractions.Live;
using CityTwin.Accounts;
using CityTwin.Hosting;
using CityTwin.Web.Alarms;
using CityTwin.Web.Drills;
using CityTwin.Simulation;
using CityTwin.Web.Api;
using CityTwin.Web.Boundaries;
using CityTwin.Web.History;
using CityTwin.Web.Feeds;
using CityTwin.Web.Cities;
using CityTwin.Web.Indicators;
using CityTwin.Web.Layers;
using CityTwin.Web.Live;
using CityTwin.Web.Ngsi;
using CityTwin.Web.Scenarios;
using CityTwin.Web.Security;
using CityTwin.Web.Stakeholders;
using CityTwin.Web.Tours;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.StaticFiles;
using Orleans.Dashboard;
using Scalar.AspNetCore;

// One process runs one city at a time. An admin's switch (POST /api/cities/{id}/activate) stops
// the host gracefully; the loop then builds the whole twin again on the chosen pack, in this process.
var cityRuns = new CityRunLoop(args);
do
{
    var builder = cityRuns.CreateBuilder();

    var (catalog, loadTime) = cityRuns.LoadCity(builder);
    var cluster = ClientConfiguration.IsCluster(builder.Configuration);
    if (cluster)
    {
        // A web node of a cluster is an Orleans client: silos come and go without taking it down,
        // and web nodes scale apart from silos. The simulator runs as its own process.
        builder.Services.AddSingleton(catalog);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.UseOrleansClient(client => client.UseCityTwinCluster(builder.Configuration).AddDashboard(DashboardSettings.Configure));
        builder.Services.AddSingleton<ClusterLiveFeed>();
        builder.Services.AddSingleton<ILiveFrameSource>(sp => sp.GetRequiredService<ClusterLiveFeed>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ClusterLiveFeed>());
        builder.Services.AddCityTwinModels(builder.Configuration);
    }
    else
    {
        // Embedded: silo, web app and simulator in this one process.
        builder.UseOrleans(silo => silo.UseCityTwinSilo(builder.Configuration, builder.Environment.ContentRootPath));
        builder.Services.AddCityTwinGrainServices(builder.Configuration, catalog);
        builder.Services.AddSingleton<ILiveFrameSource>(sp => sp.GetRequiredService<ILiveFeed>());
        builder.Services.AddCityTwinSimulation(builder.Configuration);
    }
    // Accounts live in the twin's durable store: the cluster's PostgreSQL, or a SQLite file beside the embedded silo's.
    AccountStore accountStore = cluster
        ? new AccountStore.Postgres(SiloConfiguration.ClusterConnectionString(builder.Configuration))
        : new AccountStore.Sqlite(Path.Combine(Path.GetFullPath(builder.Configuration["Orleans:DataDirectory"] ?? "App_Data", builder.Environment.ContentRootPath), "accounts.db"));
    builder.Services.AddCityTwinSecurity(builder.Configuration, accountStore);
    builder.Services.AddScoped<SingleSignOnAccounts>();
    builder.Services.AddCityTwinMetrics();
    builder.Services.AddExceptionHandler<ClusterErrorHandler>();
    builder.Services.AddInputBoundaries(builder.Configuration);
    builder.Services.AddCityTwinFeeds(builder.Configuration, cluster);
    builder.Services.AddCityImport(builder.Configuration);
    builder.Services.AddPublicIndicators(builder.Configuration);
    builder.Services.AddSingleton<LiveState>();
    builder.Services.AddSingleton<FrameFactory>();
    builder.Services.AddSingleton<AssetDirectory>();
    builder.Services.AddSingleton<FrameTiles>();
    builder.Services.AddSingleton<TileFrameCache>();
    builder.Services.AddSingleton<CompactSnapshot>();
    builder.Services.AddSingleton<CompactFanout>();
    builder.Services.AddSingleton<AreaIndex>();
    builder.Services.AddSingleton<AreaViews>();
    builder.Services.AddSingleton<LayerCatalog>();
    builder.Services.AddSingleton<VectorTileService>();
    builder.Services.AddSingleton<TwinBroadcaster>();
    builder.Services.AddHostedService(sp => sp.GetRequiredService<TwinBroadcaster>());
    builder.Services.AddHostedService<ScenarioProgressRelay>();
    builder.Services.AddCityTwinAlarmApi(builder.Configuration);
    builder.Services.AddNgsiLd();
    builder.Services.AddCityTwinTours(builder.Configuration, catalog);
    builder.Services.AddCityTwinDrills(builder.Configuration, catalog);
    builder.Services.AddCityTwinStakeholders(builder.Configuration);
    builder.Services.AddSignalR().AddMessagePackProtocol(AreaFrameItemFormatter.Configure);
    builder.Services.AddProblemDetails();
    // Enums travel as lower-camel names ("city"/"gu"/"dong", "baselineDay"), never as numbers.
    builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
    builder.Services.AddOpenApi();
    builder.Services.AddResponseCompression(o =>
    {
        o.EnableForHttps = true;
        // Vector tiles repeat property keys and values per feature: they gzip to about half.
        o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/geo+json", TileEndpoints.ContentType]);
    });

    var app = builder.Build();
    app.Logger.LogInformation("Loaded {City}: {Districts} districts, {Dongs} dongs, {Assets} assets in {Ms} ms ({Mode} mode)",
        catalog.NameEn, catalog.Districts.Count, catalog.Dongs.Count, catalog.Assets.Count, (int)loadTime.TotalMilliseconds, cluster ? "cluster" : "embedded");
    cityRuns.ReportStart(app.Logger);

    app.UseExceptionHandler();
    app.UseStatusCodePages();
    app.UseInputBoundaries();
    app.UseResponseCompression();
    app.UseDefaultFiles();
    var contentTypes = new FileExtensionContentTypeProvider();
    contentTypes.Mappings[".geojson"] = "application/geo+json";
    contentTypes.Mappings[".mjs"] = "text/javascript";
    // The page itself is public (it has to offer sign-in); the data behind it follows the policies.
    app.UseStaticFiles(new StaticFileOptions { ContentTypeProvider = contentTypes });
    app.UseCityTwinSecurity();
    app.UseRateLimits();

    app.MapOpenApi();
    // No fonts from a CDN: the page's policy allows this origin only.
    app.MapScalarApiReference("/api-docs", o => o.WithTitle("CityTwin API").DisableDefaultFonts());
    app.MapCityEndpoints();
    app.MapAreaEndpoints();
    app.MapAssetEndpoints();
    app.MapHistoryEndpoints();
    app.MapReplayEndpoints();
    app.MapLayerEndpoints();
    app.MapTileEndpoints();
    app.MapAssetDirectoryEndpoint();
    app.MapScenarioEndpoints();
    app.MapTourEndpoints();
    app.MapTourSessionEndpoints();
    app.MapScenarioCompareEndpoints();
    app.MapLensEndpoints();
    app.MapCommentEndpoints();
    app.MapScenarioRerunEndpoints();
    app.MapIndicatorEndpoints();
    app.MapAccountEndpoints();
    app.MapAdminEndpoints();
    app.MapAlarmEndpoints();
    app.MapAlarmRuleEndpoints();
    app.MapDrillEndpoints();
    app.MapFeedEndpoints();
    app.MapCityImportEndpoints();
    app.MapNgsiLdEndpoints();
    app.MapCitySwitchEndpoints();
    // The hub is not rate limited (the global limiter passes it unlimited); saying so keeps the
    // limiter out of each connection's lifetime (a pending middleware call per open WebSocket).
    app.MapHub<TwinHub>("/hubs/twin", HubConnectionSettings.Apply).DisableRateLimiting();
    app.MapCityTwinMetrics().RequireAuthorization(Policies.Operations);
    app.MapOrleansDashboard(routePrefix: "/dashboard").RequireAuthorization(Policies.Operations);

    await app.Services.InitializeAccountsAsync();
    await app.RunAsync();
}
while (cityRuns.SwitchRequested);

/// <summary>Entry point; public so tests can host the real app.</summary>
public partial class Program;
