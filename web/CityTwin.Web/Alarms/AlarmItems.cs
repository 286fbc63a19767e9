using CityTwin.Abstractions.Alarms;
using CityTwin.Model.City;

namespace CityTwin.Web.Alarms;

/// <summary>Turns alarm views into wire items, with the source's position from the city catalog.</summary>
public sealed class AlarmItems(CityCatalog catalog)
{
    private readonly Dictionary<string, (double Lon, double Lat)> _areaCentres = catalog.Dongs
        .Select(d => (d.Code, d.Boundary.InteriorPoint))
        .Concat(catalog.Districts.Select(d => (d.Code, d.Boundary.InteriorPoint)))
        .ToDictionary(p => p.Code, p => (p.InteriorPoint.X, p.InteriorPoint.Y), StringComparer.Ordinal);

    public AlarmItem Of(AlarmView a)
    {
        var (lon, lat) = catalog.FindAsset(a.SourceId) is { } asset ? (asset.Lon, asset.Lat) : _areaCentres.GetValueOrDefault(a.SourceId);
        return new AlarmItem(a.Id, a.ParentId, a.RuleId, a.RuleName, a.SourceId, a.SourceKind, a.GuCode, a.DongCode,
            AlarmNames.Of(a.Severity), AlarmNames.Of(a.Service), AlarmNames.Of(a.State), Math.Round(a.Value, 3), a.Count, a.Children,
            a.IsGroup, a.FirstAt, a.LastAt, a.ClearedAt, a.AcknowledgedBy, a.AcknowledgedAt, a.AssignedTo, a.ShelvedUntil,
            a.ShelveReason, a.Chattering, a.Escalated, a.RaisedAt, a.UpdatedAt, Math.Round(lon, 6), Math.Round(lat, 6),
            Drills.DrillRunIds.RunOf(a.Id) is not null, Drills.DrillRunIds.RunOf(a.Id));
    }
}
