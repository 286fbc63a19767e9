using CityTwin.Abstractions.Assets;
using CityTwin.Abstractions.Telemetry;
using CityTwin.Model.City;
using CityTwin.Model.Specs;
using CityTwin.Web.Live;
using NetTopologySuite.Geometries;

namespace CityTwin.Web.Ngsi;

/// <summary>
/// Assets as Smart Data Models entities, read from the web node's live state (no grain call): the
/// latest values with their simulated instant as <c>observedAt</c>, units as UN/CEFACT codes, the
/// asset's point (a road segment's centreline) as <c>location</c>.
/// </summary>
public sealed class AssetEntities(CityCatalog catalog, LiveState state)
{
    private static readonly GeometryFactory Geometries = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory(4326);

    /// <summary>The URN of an asset, or null when its kind has no Smart Data Model here.</summary>
    public static string? UrnOf(AssetDescriptor asset) => NgsiTypes.OfKind(asset.Kind) is { } t ? NgsiLd.Urn(t.Name, asset.Id) : null;

    public IEnumerable<AssetDescriptor> Of(NgsiType type) => catalog.Assets.Where(a => NgsiTypes.OfKind(a.Kind) == type);

    /// <summary>Whether the live state has heard the asset; if not, its grain knows more (<see cref="Entity"/>'s <c>heard</c>).</summary>
    public bool IsHeard(AssetDescriptor a) => state.TimestampOf(a.Index) > 0;

    /// <summary>
    /// The entity of <paramref name="a"/> from the live state, or from <paramref name="heard"/> (its grain's
    /// latest reading) when the live state has not heard it since this node started.
    /// </summary>
    public NgsiEntity Entity(AssetDescriptor a, DateTimeOffset fallbackTime, AssetSnapshot? heard = null)
    {
        var type = NgsiTypes.OfKind(a.Kind) ?? throw new ArgumentException($"No entity type for {a.Kind}", nameof(a));
        var values = heard?.Values ?? state.ValuesOf(a.Index);
        var ts = heard is { UpdatedAt.Ticks: > 0 } ? heard.UpdatedAt.ToUnixTimeMilliseconds() : state.TimestampOf(a.Index);
        var status = heard?.Status ?? state.StatusOf(a.Index);
        var at = ts > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(ts) : fallbackTime;
        double V(int i) => i < values.Length ? values[i] : double.NaN;
        var list = new List<NgsiAttribute> { NgsiAttribute.Property("name", a.Name ?? a.Id) };
        var rules = AssetKinds.Of(a.Kind).Rules;
        switch (a.Kind)
        {
            case AssetKind.StreetlightCircuit:
                list.Add(NgsiAttribute.Property("status", V(2) > 0 ? "defectiveLamp" : "ok", observedAt: at));
                list.Add(NgsiAttribute.Property("powerState", V(1) > 0 ? "on" : "off", observedAt: at));
                Add(list, "powerConsumption", V(0), "KWT", at);
                Add(list, "illuminanceLevel", V(1) / 100, "C62", at);
                Add(list, "lampsOut", V(2), "C62", at);
                list.Add(NgsiAttribute.Property("circuit", a.Id));
                break;
            case AssetKind.TrafficDetector or AssetKind.RoadSegment:
                list.Add(DateObserved(at));
                // Flow is a rate in vehicles per hour: as a count it is the hour up to the reading.
                list.Add(NgsiAttribute.Property("dateObservedFrom", at.AddHours(-1)));
                list.Add(NgsiAttribute.Property("dateObservedTo", at));
                Add(list, "intensity", V(0), null, at);
                Add(list, "averageVehicleSpeed", V(1), "KMH", at);
                if (!double.IsNaN(V(2))) list.Add(NgsiAttribute.Property("congested", V(2) >= rules[0].Warning, observedAt: at));
                Add(list, "volumeCapacityRatio", V(2), "C62", at);
                break;
            case AssetKind.AirQualityStation:
                list.Add(DateObserved(at));
                Add(list, "pm25", V(0), "GQ", at);
                Add(list, "pm10", V(1), "GQ", at);
                Add(list, "no2", V(2), "61", at);
                list.Add(NgsiAttribute.Property("typeofLocation", "outdoor"));
                break;
            case AssetKind.FloodSensor:
                list.Add(NgsiAttribute.Property("observationDateTime", at));
                Add(list, "currentLevel", V(0), "CMT", at);
                list.Add(NgsiAttribute.Property("alertLevel", rules[0].Warning, "CMT"));
                list.Add(NgsiAttribute.Property("dangerLevel", rules[0].Alarm, "CMT"));
                if (!double.IsNaN(V(0)))
                    list.Add(NgsiAttribute.Property("floodLevelStatus", V(0) >= rules[0].Alarm ? "danger" : V(0) >= rules[0].Warning ? "alert" : "normal", observedAt: at));
                // The rain rate (mm/h) as the depth that falls in an hour at that rate.
                Add(list, "precipitation", V(1), "MMT", at);
                break;
            case AssetKind.WaterPump:
                list.Add(DateObserved(at));
                Add(list, "flow", V(0), "MQH", at);
                Add(list, "pressure", V(1), "BAR", at);
                break;
            case AssetKind.EvCharger:
                var ports = a.Spec is EvChargerSpec ev ? ev.Ports : 1;
                list.Add(NgsiAttribute.Property("capacity", ports));
                // The generated chargers carry no connector type: "Other" is the model's value for that.
                list.Add(NgsiAttribute.Property("socketType", new[] { "Other" }));
                list.Add(NgsiAttribute.Property("allowedVehicleType", new[] { "car" }));
                if (!double.IsNaN(V(1)))
                {
                    var free = Math.Max(0, ports - (int)Math.Round(V(1)));
                    list.Add(NgsiAttribute.Property("availableCapacity", free, observedAt: at));
                    list.Add(NgsiAttribute.Property("status", status == AssetStatus.Offline ? "outOfService" : free == 0 ? "full" : "working", observedAt: at));
                }
                Add(list, "powerConsumption", V(0), "KWT", at);
                break;
        }
        list.Add(NgsiAttribute.Property("twinStatus", FrameFactory.StatusName(status), observedAt: at));
        list.Add(NgsiAttribute.Property("assetKind", AssetKinds.Of(a.Kind).WireName));
        if (catalog.FindDong(a.DongCode) is { } dong) list.Add(NgsiAttribute.Property("areaServed", dong.NameEn));
        list.Add(NgsiAttribute.Property("guCode", a.GuCode));
        list.Add(NgsiAttribute.Property("dongCode", a.DongCode));
        list.Add(NgsiAttribute.Property("synthetic", a.Synthetic));
        return new NgsiEntity(NgsiLd.Urn(type.Name, a.Id), type.Name, LocationOf(a), list);
    }

    /// <summary>The asset's point, or a road segment's centreline.</summary>
    public Geometry LocationOf(AssetDescriptor a) =>
        catalog.ShapeOf(a.Index) is LineString line ? line : Geometries.CreatePoint(new Coordinate(a.Lon, a.Lat));

    private static NgsiAttribute DateObserved(DateTimeOffset at) => NgsiAttribute.Property("dateObserved", at);

    private static void Add(List<NgsiAttribute> list, string name, double value, string? unit, DateTimeOffset at)
    {
        if (double.IsFinite(value)) list.Add(NgsiAttribute.Property(name, Math.Round(value, 3), unit, at));
    }
}
