using System.Diagnostics;
using CityTwin.Grains;
using CityTwin.Model.City;
using CityTwin.Simulation;
using CityTwin.Web.Api;
using CityTwin.Web.Hosting;
using CityTwin.Web.Layers;
using CityTwin.Web.Live;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.StaticFiles;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

// The city is loaded before anything starts: a broken pack stops the process with a message
// naming the file and feature, rather than serving a half-empty map.
var cityOptions = builder.Configuration.GetSection(CityOptions.Section).Get<CityOptions>() ?? new CityOptions();
var seed = builder.Configuration.GetValue(SimulationOptions.Section + ":" + nameof(SimulationOptions.Seed), CityPackLoader.DefaultSeed);
var loadWatch = Stopwatch.StartNew();
var catalog = CityPackLoader.Load(CityPackLocator.Find(cityOptions.Name, cityOptions.PackPath), seed);
loadWatch.Stop();

var silo = builder.Configuration.GetSection(EmbeddedSiloOptions.Section).Get<EmbeddedSiloOptions>() ?? new EmbeddedSiloOptions();
builder.UseOrleans(orleans => orleans.UseLocalhostClustering(silo.SiloPort, silo.GatewayPort, serviceId: silo.ServiceId, clusterId: silo.ClusterId));

builder.Services.AddCityTwinGrains(builder.Configuration, catalog);
builder.Services.AddCityTwinSimulation(builder.Configuration);
builder.Services.AddSingleton<LiveState>();
builder.Services.AddSingleton<FrameFactory>();
builder.Services.AddSingleton<LayerCatalog>();
builder.Services.AddSingleton<VectorTileService>();
builder.Services.AddSingleton<TwinBroadcaster>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<TwinBroadcaster>());
builder.Services.AddSignalR().AddMessagePackProtocol();
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();
builder.Services.AddResponseCompression(o =>
{
    o.EnableForHttps = true;
    // Vector tiles repeat property keys and values per feature: they gzip to about half.
    o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/geo+json", TileEndpoints.ContentType]);
});

var app = builder.Build();
app.Logger.LogInformation("Loaded {City}: {Districts} districts, {Dongs} dongs, {Assets} assets in {Ms} ms",
    catalog.NameEn, catalog.Districts.Count, catalog.Dongs.Count, catalog.Assets.Count, loadWatch.ElapsedMilliseconds);

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseResponseCompression();
app.UseDefaultFiles();
var contentTypes = new FileExtensionContentTypeProvider();
contentTypes.Mappings[".geojson"] = "application/geo+json";
contentTypes.Mappings[".mjs"] = "text/javascript";
app.UseStaticFiles(new StaticFileOptions { ContentTypeProvider = contentTypes });

app.MapOpenApi();
app.MapScalarApiReference("/api-docs", o => o.WithTitle("CityTwin API"));
app.MapCityEndpoints();
app.MapAreaEndpoints();
app.MapAssetEndpoints();
app.MapLayerEndpoints();
app.MapTileEndpoints();
app.MapHub<TwinHub>("/hubs/twin");

app.Run();

/// <summary>Entry point; public so tests can host the real app.</summary>
public partial class Program;
