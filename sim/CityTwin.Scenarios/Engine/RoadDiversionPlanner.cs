using System.Globalization;
using CityTwin.Model.City;
using CityTwin.Model.Generation;
using CityTwin.Model.Physics;
using CityTwin.Scenarios.Results;

namespace CityTwin.Scenarios.Engine;

/// <summary>
/// Sends each closed road's traffic to the <see cref="DiversionNeighbours"/> nearest open roads of
/// its dong (of its gu when the whole dong is closed), in proportion to capacity ÷ distance: the
/// bigger and the closer a road, the more of the detour it takes. Runs once per district plan,
/// after every intervention has set its closures and capacity factors.
/// </summary>
internal static class RoadDiversionPlanner
{
    /// <summary>A closed road's traffic spreads over this many nearest open roads.</summary>
    public const int DiversionNeighbours = 6;

    /// <summary>Distances below this count as this (a receiver at the junction does not take everything).</summary>
    public const double MinDiversionDistanceM = 50;

    /// <summary>Plans the diversions and sets each road's <see cref="RoadItem.DiversionStart"/> and <see cref="RoadItem.DiversionEnd"/>.</summary>
    public static RoadDiversionPlan Plan(CityCatalog city, DistrictInfo district, RoadItem[] roads, RoadModel roadModel, Action<string> note)
    {
        var closed = Enumerable.Range(0, roads.Length).Where(j => roads[j].Closed).ToArray();
        var incoming = new List<(int Closed, double Share)>[roads.Length];
        var diversions = new List<RoadDiversion>();
        var stranded = 0;
        var open = Enumerable.Range(0, roads.Length).Where(j => !roads[j].Closed).ToList();
        for (var c = 0; c < closed.Length; c++)
        {
            var from = roads[closed[c]];
            var a = city.Assets[from.Asset];
            var candidates = open.Where(j => roads[j].Dong == from.Dong).ToList();
            if (candidates.Count == 0) candidates = open;
            var nearest = candidates
                .Select(j => (Item: j, Distance: GeoMath.DistanceM(a.Lon, a.Lat, city.Assets[roads[j].Asset].Lon, city.Assets[roads[j].Asset].Lat)))
                .OrderBy(x => x.Distance).ThenBy(x => roads[x.Item].Asset)
                .Take(DiversionNeighbours)
                .ToList();
            if (nearest.Count == 0 || from.Rerouted <= 0)
            {
                if (from.Rerouted > 0) stranded++;
                diversions.Add(new RoadDiversion(a.Id, []));
                continue;
            }
            var weights = nearest.Select(x => roadModel.CapacityVph(roads[x.Item].Slot) * roads[x.Item].CapacityFactor / Math.Max(x.Distance, MinDiversionDistanceM)).ToList();
            var total = weights.Sum();
            var receivers = new List<DiversionShare>();
            for (var q = 0; q < nearest.Count; q++)
            {
                var share = from.Rerouted * weights[q] / total;
                (incoming[nearest[q].Item] ??= []).Add((c, share));
                receivers.Add(new DiversionShare(city.Assets[roads[nearest[q].Item].Asset].Id, share, Math.Round(nearest[q].Distance, 1)));
            }
            diversions.Add(new RoadDiversion(a.Id, receivers));
        }
        if (stranded > 0)
            note($"{district.NameEn}: {stranded.ToString(CultureInfo.InvariantCulture)} closed road(s) have no open road in the gu to take their traffic; those trips are not made.");

        var source = new List<int>();
        var shares = new List<double>();
        for (var j = 0; j < roads.Length; j++)
        {
            roads[j].DiversionStart = source.Count;
            if (incoming[j] is { } list)
            {
                foreach (var (c, share) in list)
                {
                    source.Add(c);
                    shares.Add(share);
                }
            }
            roads[j].DiversionEnd = source.Count;
        }
        return new RoadDiversionPlan(closed, [.. source], [.. shares], diversions);
    }
}
