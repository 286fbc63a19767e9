using CityTwin.Abstractions.Indicators;
using CityTwin.Accounts;
using CityTwin.Model.City;
using CityTwin.Web.Indicators.Public;
using CityTwin.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CityTwin.Web.Indicators;

/// <summary>
/// The public transparency view's data (anonymous) and the city's targets (planners and admins set
/// them; every change is audited and stored durably).
/// </summary>
public static class IndicatorEndpoints
{
    public static void MapIndicatorEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/public/indicators", async (PublicIndicatorsBuilder builder) => TypedResults.Ok(await builder.BuildAsync()))
            .WithTags("Public")
            .WithSummary("City and district indicators (ISO 37120/37122) with trends, targets and performance index; the published scenarios. No operational detail.");

        app.MapPut("/api/indicators/{indicatorId}/target", async Task<Results<Ok<PublicIndicatorInfo>, ValidationProblem, ProblemHttpResult>> (
            string indicatorId, IndicatorTargetRequest? request, HttpContext http, IndicatorCatalog catalog, CityCatalog city, IGrainFactory grains, ILogger<IndicatorTargetRequest> logger) =>
        {
            if (catalog.Find(indicatorId) is not { } indicator)
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown indicator",
                    detail: $"No indicator has id '{indicatorId}'; the city's indicators are listed by GET /api/public/indicators");
            if (request?.Value is not { } value || !double.IsFinite(value) || value < indicator.MinTarget || value > indicator.MaxTarget)
            {
                logger.LogWarning("Rejected target {Value} for indicator {Indicator}", request?.Value, indicatorId);
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["value"] = [$"The target of {indicator.Id} must be a number from {indicator.MinTarget} to {indicator.MaxTarget} ({indicator.Unit})"],
                }, title: "The target is not valid");
            }
            var set = await grains.GetGrain<IIndicatorTargetsGrain>(city.Id).SetAsync(indicator.Id, value, Actor.NameOf(http.User));
            await http.AuditAsync(AuditActions.IndicatorTarget, target: indicator.Id, detail: $"target {value} {indicator.Unit}");
            logger.LogInformation("{User} set the target of {Indicator} to {Value}", Actor.NameOf(http.User), indicator.Id, value);
            return TypedResults.Ok(PublicIndicatorsBuilder.Info(indicator, set));
        }).RequireAuthorization(Policies.Planning)
            .WithTags("Public")
            .WithSummary("Set the city's target for one indicator (planner or admin): {value} in the indicator's unit; 400 naming the field");
    }
}
