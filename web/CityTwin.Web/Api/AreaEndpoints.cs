using CityTwin.Abstractions.Grains;
using CityTwin.Model.City;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CityTwin.Web.Api;

/// <summary>Districts (gu) and neighbourhoods (dong) with their live KPIs.</summary>
public static class AreaEndpoints
{
    public static void MapAreaEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Areas");

        api.MapGet("/districts", async (CityCatalog catalog, IGrainFactory grains) =>
        {
            var kpis = await Task.WhenAll(catalog.Districts.Select(d => grains.GetGrain<IDistrictGrain>(d.Code).GetKpisAsync()));
            return TypedResults.Ok<IReadOnlyList<AreaSummary>>([.. catalog.Districts.Select((d, i) => new AreaSummary(d.Code, d.NameEn, d.NameKo, kpis[i].ToPublic()))]);
        }).WithSummary("All districts (gu) with their current KPIs");

        api.MapGet("/districts/{code}", async Task<Results<Ok<DistrictDetail>, ProblemHttpResult>> (string code, CityCatalog catalog, IGrainFactory grains) =>
        {
            var d = catalog.FindDistrict(code);
            if (d is null) return TypedResults.Problem(statusCode: 404, title: "Unknown district", detail: $"No district has code '{code}'");
            var grain = grains.GetGrain<IDistrictGrain>(code);
            var kpis = await grain.GetKpisAsync();
            var dongKpis = await grain.GetDongKpisAsync();
            var history = await grain.GetHistoryAsync();
            var dongs = catalog.DongsOf(code)
                .Select(x => new AreaSummary(x.Code, x.NameEn, x.NameKo, (dongKpis.GetValueOrDefault(x.Code) ?? Abstractions.Kpis.KpiSet.Empty).ToPublic()))
                .ToList();
            return TypedResults.Ok(new DistrictDetail(d.Code, d.NameEn, d.NameKo, d.Population, d.AreaKm2, kpis.ToPublic(), dongs,
                [.. history.Select(h => new KpiPoint(h.At, h.Kpis.ToPublic()))]));
        }).WithSummary("One district: KPIs, its dongs and KPI history");

        api.MapGet("/dongs/{code}", async Task<Results<Ok<DongDetail>, ProblemHttpResult>> (string code, CityCatalog catalog, IGrainFactory grains) =>
        {
            var d = catalog.FindDong(code);
            if (d is null) return TypedResults.Problem(statusCode: 404, title: "Unknown dong", detail: $"No dong has code '{code}'");
            var kpis = await grains.GetGrain<INeighbourhoodGrain>(code).GetKpisAsync();
            return TypedResults.Ok(new DongDetail(d.Code, d.GuCode, d.NameEn, d.NameKo, d.Population, d.AreaKm2, kpis.ToPublic()));
        }).WithSummary("One dong (neighbourhood) with its KPIs");
    }
}
