using CityTwin.Abstractions.Assets;
using CityTwin.Abstractions.Drills;
using CityTwin.Model.City;

namespace CityTwin.Web.Drills;

/// <summary>The pack's drills as the API shows them, each step with its place.</summary>
public sealed class DrillCatalog(PackDrills pack, CityCatalog city)
{
    public IReadOnlyList<DrillResponse> All() => [.. pack.Drills.Select(Of)];

    public Drill? Find(string id) => pack.Find(id);

    public DrillResponse Of(Drill drill) => new(drill.Id, drill.Title, drill.Description, drill.DurationSeconds, drill.MissAfterSeconds,
        [.. drill.Steps.Select(Step)]);

    private DrillStepResponse Step(DrillStep s)
    {
        var (kind, lon, lat, gu, dong) = Place(s.Source);
        return new DrillStepResponse(s.AtSeconds, s.Key, s.Source, kind, s.Name, s.Severity, s.Service, s.Value, s.Clear,
            Math.Round(lon, 6), Math.Round(lat, 6), gu, dong);
    }

    private (string Kind, double Lon, double Lat, string Gu, string? Dong) Place(string source)
    {
        if (city.FindAsset(source) is { } a) return (AssetKinds.Of(a.Kind).WireName, a.Lon, a.Lat, a.GuCode, a.DongCode);
        if (city.FindDong(source) is { } d) return ("dong", d.Boundary.InteriorPoint.X, d.Boundary.InteriorPoint.Y, d.GuCode, d.Code);
        var g = city.FindDistrict(source)!;
        return ("gu", g.Boundary.InteriorPoint.X, g.Boundary.InteriorPoint.Y, g.Code, null);
    }
}
