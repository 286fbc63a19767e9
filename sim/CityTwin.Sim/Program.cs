using CityTwin.Hosting;
using CityTwin.Simulation;

var builder = Host.CreateApplicationBuilder(args);

var (catalog, loadTime) = CityCatalogConfiguration.Load(builder.Configuration);
builder.Services.AddSingleton(catalog);
builder.Services.AddSingleton(TimeProvider.System);
// The client first: hosted services start in order, and the simulator needs a connected client.
builder.UseOrleansClient(client => client.UseCityTwinCluster(builder.Configuration));
builder.Services.AddCityTwinSimulation(builder.Configuration);

var host = builder.Build();
host.Services.GetRequiredService<ILogger<Program>>()
    .LogInformation("Simulator loaded {City}: {Assets} assets in {Ms} ms", catalog.NameEn, catalog.Assets.Count, (int)loadTime.TotalMilliseconds);
host.Run();

/// <summary>Entry point of the simulator process.</summary>
public partial class Program;
