using CityTwin.Abstractions.Assets;
using CityTwin.Abstractions.Feeds;
using CityTwin.Abstractions.Grains;
using CityTwin.Accounts;
using CityTwin.Model.City;
using CityTwin.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CityTwin.Web.Feeds;

/// <summary>
/// Which assets the simulator feeds (<c>/api/simulation/sources</c>): read by anyone, changed by
/// operators and admins, one kind or one asset at a time, audited and durable.
/// </summary>
public static class SourceEndpoints
{
    public const string Route = "/api/simulation/sources";

    public static void MapSourceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(Route, async (CityCatalog catalog, IGrainFactory grains) =>
            TypedResults.Ok(await grains.GetGrain<ISimulationSourcesGrain>(catalog.Id).GetAsync()))
            .WithTags("Feeds")
            .WithSummary("The asset kinds and assets real feeds drive instead of the simulator");

        app.MapPost(Route, async Task<Results<Ok<SimulationSources>, ValidationProblem>> (
            SourceRequest? request, HttpContext http, CityCatalog catalog, IGrainFactory grains, ILogger<SourceRequest> logger) =>
        {
            var errors = Validate(request, catalog);
            if (errors.Count > 0)
            {
                logger.LogWarning("Rejected a simulation source change: {Errors}", string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value[0]}")));
                return TypedResults.ValidationProblem(errors, title: "The sources were not changed");
            }
            var sources = grains.GetGrain<ISimulationSourcesGrain>(catalog.Id);
            var simulated = request!.Simulated!.Value;
            var target = request.Kind ?? request.AssetId!;
            var changed = request.Kind is { } kind ? await sources.SetKindAsync(kind, simulated) : await sources.SetAssetAsync(request.AssetId!, simulated);
            var detail = $"{(request.Kind is not null ? "kind" : "asset")} {target}: {(simulated ? "simulator" : "feed")}";
            await http.AuditAsync(AuditActions.SourcesSet, target: target, detail: detail);
            logger.LogInformation("{User} set the source of {Detail}", Actor.NameOf(http.User), detail);
            return TypedResults.Ok(changed);
        })
            .RequireAuthorization(Policies.Sources)
            .WithTags("Feeds")
            .WithSummary("Simulate a kind or an asset again (simulated: true) or leave it to a real feed (false); operator or admin");
    }

    private static Dictionary<string, string[]> Validate(SourceRequest? request, CityCatalog catalog)
    {
        var errors = new Dictionary<string, string[]>();
        if (request is null)
        {
            errors["body"] = ["Give {kind or assetId, simulated}"];
            return errors;
        }
        if ((request.Kind is null) == (request.AssetId is null))
            errors["body"] = ["Give exactly one of kind and assetId"];
        else if (request.Kind is { } kind && !AssetKinds.TryParse(kind, out _))
            errors["kind"] = [$"Unknown kind; known: {string.Join(", ", AssetKinds.All.Select(k => k.WireName))}"];
        else if (request.AssetId is { } id && catalog.FindAsset(id) is null)
            errors["assetId"] = ["No asset of this city has this id"];
        if (request.Simulated is null) errors["simulated"] = ["Give simulated: true (the simulator feeds it) or false (a real feed does)"];
        return errors;
    }
}
