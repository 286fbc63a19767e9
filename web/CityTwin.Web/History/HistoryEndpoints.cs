using System.Text;
using CityTwin.Abstractions.Grains;
using CityTwin.Abstractions.History;
using CityTwin.Model.City;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CityTwin.Web.History;

/// <summary>
/// History of an asset, a dong, a district and the city: the last day at 1 minute and the last
/// week at 15 minutes, as JSON or CSV (<c>/history.csv</c> or <c>format=csv</c>). Public like the live map.
/// </summary>
public static class HistoryEndpoints
{
    public const string CsvContentType = "text/csv";

    public static void MapHistoryEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("History");
        foreach (var suffix in new[] { "", ".csv" })
        {
            var csv = suffix.Length > 0;
            api.MapGet("/assets/{id}/history" + suffix, (string id, string? from, string? to, string? step, string? format, HttpContext http, CityCatalog catalog, IGrainFactory grains, ILogger<HistoryRequest> logger) =>
                AnswerAsync(http, catalog, grains, logger, from, to, step, format, csv, async query =>
                {
                    var asset = catalog.FindAsset(id);
                    if (asset is null) return null;
                    var series = await grains.GetGrain<INeighbourhoodGrain>(asset.DongCode).GetAssetSeriesAsync(asset.Id, query);
                    return series is null ? null : (asset.Id, "asset", HistoryColumns.Of(asset.Kind), series);
                }))
                .Produces<HistoryResponse>().Produces<string>(StatusCodes.Status200OK, CsvContentType)
                .WithSummary("An asset's telemetry history: from, to (ISO 8601, default the last 24 h), step (1m..1d; 1-minute data for a day, 15-minute min/mean/max for a week), format=json|csv");

            api.MapGet("/dongs/{code}/history" + suffix, (string code, string? from, string? to, string? step, string? format, HttpContext http, CityCatalog catalog, IGrainFactory grains, ILogger<HistoryRequest> logger) =>
                AnswerAsync(http, catalog, grains, logger, from, to, step, format, csv, async query =>
                    catalog.FindDong(code) is null ? null
                        : (code, "dong", HistoryColumns.Kpis, await grains.GetGrain<INeighbourhoodGrain>(code).GetKpiSeriesAsync(query))))
                .Produces<HistoryResponse>().Produces<string>(StatusCodes.Status200OK, CsvContentType)
                .WithSummary("A dong's KPI history (same parameters as the asset history)");

            api.MapGet("/districts/{code}/history" + suffix, (string code, string? from, string? to, string? step, string? format, HttpContext http, CityCatalog catalog, IGrainFactory grains, ILogger<HistoryRequest> logger) =>
                AnswerAsync(http, catalog, grains, logger, from, to, step, format, csv, async query =>
                    catalog.FindDistrict(code) is null ? null
                        : (code, "gu", HistoryColumns.Kpis, await grains.GetGrain<IDistrictGrain>(code).GetKpiSeriesAsync(query))))
                .Produces<HistoryResponse>().Produces<string>(StatusCodes.Status200OK, CsvContentType)
                .WithSummary("A district's KPI history (same parameters as the asset history)");

            api.MapGet("/city/history" + suffix, (string? from, string? to, string? step, string? format, HttpContext http, CityCatalog catalog, IGrainFactory grains, ILogger<HistoryRequest> logger) =>
                AnswerAsync(http, catalog, grains, logger, from, to, step, format, csv, async query =>
                    (catalog.Id, "city", HistoryColumns.Kpis, await grains.GetGrain<ICityGrain>(catalog.Id).GetKpiSeriesAsync(query))))
                .Produces<HistoryResponse>().Produces<string>(StatusCodes.Status200OK, CsvContentType)
                .WithSummary("The city's KPI history (same parameters as the asset history)");
        }
    }

    private static async Task<IResult> AnswerAsync(
        HttpContext http, CityCatalog catalog, IGrainFactory grains, ILogger logger,
        string? from, string? to, string? step, string? format, bool csvRoute,
        Func<HistoryQuery, Task<(string Id, string Level, IReadOnlyList<HistoryColumn> Columns, HistorySeries Series)?>> read)
    {
        var clock = await grains.GetGrain<ICityGrain>(catalog.Id).GetClockAsync();
        if (!HistoryRequestParser.TryParse(from, to, step, format, csvRoute, clock.SimTime, out var request, out var errors))
        {
            logger.LogWarning("Rejected history request {Path}{Query}: {Fields}", http.Request.Path, http.Request.QueryString, string.Join(", ", errors.Keys));
            return TypedResults.ValidationProblem(errors, title: "Invalid history request");
        }
        var found = await read(request.Query);
        if (found is not { } f)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"Nothing at {http.Request.Path} keeps a history");
        var response = new HistoryResponse(f.Id, f.Level, request.Query.From, request.Query.To, f.Series.StepMinutes, f.Columns,
            [.. f.Series.Points.Select(p => new HistoryPointResponse(p.At, Round(p.Mean), Round(p.Min), Round(p.Max)))]);
        if (!request.Csv) return TypedResults.Ok(response);
        return TypedResults.File(Encoding.UTF8.GetBytes(HistoryCsv.Write(response)), CsvContentType, $"{f.Id}-history.csv");
    }

    /// <summary>Stored values are half or single precision: three decimals say all they know.</summary>
    private static double?[] Round(float[] values) => [.. values.Select(v => float.IsFinite(v) ? Math.Round((double)v, 3) : (double?)null)];
}
