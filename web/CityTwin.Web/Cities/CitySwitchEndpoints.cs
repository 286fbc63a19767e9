using CityTwin.Accounts;
using CityTwin.Web.Live;
using CityTwin.Web.Security;

namespace CityTwin.Web.Cities;

/// <summary>
/// <c>POST /api/cities/{id}/activate</c> (admins): the twin restarts on another installed city in
/// this process. Answers 202 before the host stops; maps are told through <c>citySwitching</c>.
/// </summary>
public static class CitySwitchEndpoints
{
    public static void MapCitySwitchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/cities/{id}/activate", ActivateAsync)
            .WithTags("Cities")
            .RequireAuthorization(Policies.Administration)
            .Produces<CitySwitchingFrame>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Switch the embedded twin to an installed city (admin): it restarts on that pack within seconds and every map follows. 409 in a cluster or while an import runs");
    }

    private static async Task<IResult> ActivateAsync(string id, HttpContext http, CitySwitcher switcher, ILogger<CitySwitcher> logger)
    {
        var actor = Actor.NameOf(http.User);
        var outcome = await switcher.SwitchAsync(id, actor, http.RequestAborted);
        if (outcome.Started is { } frame)
        {
            await http.AuditAsync(AuditActions.CitySwitch, target: frame.Id, detail: $"from {frame.From}: {frame.Dongs} dongs, {frame.Assets} assets");
            return TypedResults.Accepted("/api/city", frame);
        }
        logger.LogWarning("Refused a switch to {City} by {User}: {Title}", id, actor, outcome.Title);
        if (outcome.Status == StatusCodes.Status400BadRequest)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["id"] = [$"{outcome.Title}: {outcome.Detail}"] }, title: outcome.Title);
        return TypedResults.Problem(statusCode: outcome.Status, title: outcome.Title, detail: outcome.Detail,
            extensions: new Dictionary<string, object?> { ["field"] = "id" });
    }
}
