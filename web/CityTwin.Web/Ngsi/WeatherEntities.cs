using CityTwin.Abstractions.Clock;
using CityTwin.Model.City;
using CityTwin.Web.Live;
using NetTopologySuite.Geometries;

namespace CityTwin.Web.Ngsi;

/// <summary>
/// The weather the models see over the city at the twin's current instant, as one
/// <c>WeatherObserved</c> located at the centre of the built-up area.
/// </summary>
public sealed class WeatherEntities(CityCatalog catalog, FrameFactory frames)
{
    private readonly Point _centre = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory(4326)
        .CreatePoint(new Coordinate(catalog.HomeBounds.Centre.X, catalog.HomeBounds.Centre.Y));

    public string Urn => NgsiLd.Urn(NgsiTypes.WeatherObserved.Name, catalog.Id);

    public NgsiEntity Entity(ClockState clock)
    {
        var c = frames.Clock(clock);
        var at = clock.SimTime;
        return new NgsiEntity(Urn, NgsiTypes.WeatherObserved.Name, _centre,
        [
            NgsiAttribute.Property("name", $"Weather over {catalog.NameEn}"),
            NgsiAttribute.Property("dateObserved", at),
            NgsiAttribute.Property("temperature", c.TemperatureC, "CEL", at),
            // The rain rate (mm/h) as the depth that falls in the hour up to now at that rate.
            NgsiAttribute.Property("precipitation", c.RainMmH, "MMT", at),
            NgsiAttribute.Property("dateObservedFrom", at.AddHours(-1)),
            NgsiAttribute.Property("dateObservedTo", at),
            NgsiAttribute.Property("areaServed", catalog.NameEn),
        ]);
    }
}
