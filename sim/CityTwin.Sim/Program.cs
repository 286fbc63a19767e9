using CityTwin.Hosting;
using CityTwin.Sim;
using CityTwin.Simulation;

// A command first; without one this is the simulator process.
if (args.Length > 0 && args[0] == ImportCityCommand.Name)
    return ImportCityCommand.Run(args[1..], Console.Out, Console.Error);

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
return 0;

/// <summary>Entry point of the simulator process.</summary>
public partial class Program;
