using CityTwin.Hosting;
using Orleans.Runtime;

var builder = WebApplication.CreateBuilder(args);

var (catalog, loadTime) = CityCatalogConfiguration.Load(builder.Configuration);
builder.Services.AddCityTwinGrainServices(builder.Configuration, catalog);
builder.UseOrleans(silo => silo.UseCityTwinSilo(builder.Configuration, builder.Environment.ContentRootPath));
builder.Services.AddCityTwinMetrics();

var app = builder.Build();
app.Logger.LogInformation("Silo loaded {City}: {Assets} assets in {Ms} ms", catalog.NameEn, catalog.Assets.Count, (int)loadTime.TotalMilliseconds);

// Healthy once this silo is an active member of the cluster (probes and load balancers use it).
app.MapGet("/healthz", (ILocalSiloDetails local, IClusterMembershipService membership) =>
{
    var status = membership.CurrentSnapshot.GetSiloStatus(local.SiloAddress);
    var body = new { status = status.ToString(), silo = local.SiloAddress.ToString(), name = local.Name };
    return status == SiloStatus.Active ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
});
app.MapCityTwinMetrics();

app.Run();
