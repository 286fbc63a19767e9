using System.Globalization;
using CityTwin.Abstractions.Scenarios;
using CityTwin.Abstractions.Stakeholders;
using CityTwin.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using CityTwin.Web.Boundaries;

namespace CityTwin.Web.Stakeholders;

/// <summary>
/// Comments on published scenarios. Any signed-in user comments on behalf of a pentahelix group;
/// the comment is pending until a planner approves or rejects it. The public reads approved ones,
/// an author also their own, planners every one. Writes are audited; each author is held to
/// <see cref="CommentLimits.PerAuthorPerWindow"/> comments per scenario in <see cref="CommentLimits.Window"/>.
/// </summary>
public static class CommentEndpoints
{
    public static void MapCommentEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/scenarios/{id}/comments").WithTags("Stakeholders");

        api.MapGet("/", async Task<Results<Ok<IReadOnlyList<CommentView>>, ProblemHttpResult>> (string id, HttpContext http, IGrainFactory grains) =>
        {
            if (await VisibleAsync(grains, id, http) is null) return NotFound(id);
            return TypedResults.Ok(await ReadableAsync(grains, id, http));
        }).WithSummary("Comments on a scenario: the approved ones for everyone, one's own too when signed in, all of them for planners");

        api.MapPost("/", async Task<Results<Created<CommentView>, ValidationProblem, ProblemHttpResult>> (
            string id, CommentInput? input, HttpContext http, IGrainFactory grains, TimeProvider time, ILogger<CommentInput> logger) =>
        {
            var errors = new Dictionary<string, string[]>();
            if (input is null) errors["body"] = ["Send {group, text}"];
            else
            {
                if (!PentahelixGroups.IsGroup(input.Group)) errors["group"] = [$"Say which group the comment speaks for: {string.Join(", ", PentahelixGroups.All)}"];
                var text = input.Text?.Trim() ?? "";
                if (text.Length == 0) errors["text"] = ["Write the comment"];
                else if (text.Length > CommentLimits.MaxTextLength) errors["text"] = [$"At most {CommentLimits.MaxTextLength} characters ({text.Length} given)"];
                else if (text.Any(c => char.IsControl(c) && c is not '\n' and not '\t')) errors["text"] = ["Must not contain control characters"];
            }
            if (errors.Count > 0)
            {
                logger.LogWarning("Rejected comment on {Scenario}: {Errors}", id, string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
                return TypedResults.ValidationProblem(errors, title: "The comment is not valid");
            }
            if (await VisibleAsync(grains, id, http) is not { } summary) return NotFound(id);
            if (!summary.Published)
                return TypedResults.Problem($"Scenario {id} is not published; comments are taken on published scenarios",
                    statusCode: StatusCodes.Status409Conflict, title: "Not published");
            var added = await grains.GetGrain<IScenarioCommentsGrain>(id).AddAsync(Actor.NameOf(http.User), input!.Group!, input.Text!.Trim(), time.GetUtcNow());
            if (added.RetryAfter is { } wait)
            {
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                logger.LogWarning("Rejected comment on {Scenario} by {User} with 429: {Limit} comments in {Window}", id, Actor.NameOf(http.User), CommentLimits.PerAuthorPerWindow, CommentLimits.Window);
                return TypedResults.Problem($"At most {CommentLimits.PerAuthorPerWindow} comments on one scenario in {CommentLimits.Window.TotalMinutes:0} minutes; try again in {seconds} s",
                    statusCode: StatusCodes.Status429TooManyRequests, title: "Too many comments");
            }
            if (added.Comment is not { } comment)
                return TypedResults.Problem($"Scenario {id} holds {CommentLimits.MaxPerScenario} comments, the most it takes",
                    statusCode: StatusCodes.Status409Conflict, title: "Too many comments");
            await http.AuditAsync(StakeholderAuditActions.CommentCreate, target: $"{id}/{comment.Id}", detail: $"{comment.Group}: {InputEcho.Clip(comment.Text, 120)}");
            return TypedResults.Created($"/api/scenarios/{id}/comments", CommentView.Of(comment, Policies.CanPlan(http.User), mine: true));
        }).RequireAuthorization(Policies.SignedIn)
            .WithSummary("Comment on a published scenario on behalf of a pentahelix group (signed in): 201, pending until a planner approves it; 429 past the rate");

        api.MapPost("/{commentId}/moderate", async Task<Results<Ok<CommentView>, ValidationProblem, ProblemHttpResult>> (
            string id, string commentId, ModerationInput? input, HttpContext http, IGrainFactory grains, TimeProvider time, ILogger<ModerationInput> logger) =>
        {
            var status = input?.Status switch
            {
                "approved" => CommentStatus.Approved,
                "rejected" => CommentStatus.Rejected,
                _ => (CommentStatus?)null,
            };
            if (status is null)
            {
                logger.LogWarning("Rejected moderation of {Scenario}/{Comment}: status {Status}", id, commentId, input?.Status);
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = ["Use approved or rejected"] }, title: "The decision is not valid");
            }
            if (await VisibleAsync(grains, id, http) is null) return NotFound(id);
            if (await grains.GetGrain<IScenarioCommentsGrain>(id).ModerateAsync(commentId, status.Value, Actor.NameOf(http.User), time.GetUtcNow()) is not { } moderated)
                return TypedResults.Problem($"No comment {commentId} on scenario {id}", statusCode: StatusCodes.Status404NotFound, title: "Unknown comment");
            await http.AuditAsync(status == CommentStatus.Approved ? StakeholderAuditActions.CommentApprove : StakeholderAuditActions.CommentReject,
                target: $"{id}/{commentId}", detail: $"{moderated.Group} by {moderated.Author}: {InputEcho.Clip(moderated.Text, 120)}");
            return TypedResults.Ok(CommentView.Of(moderated, full: true, mine: moderated.Author == Actor.NameOf(http.User)));
        }).RequireAuthorization(Policies.Planning)
            .WithSummary("Approve or reject a comment (planner): only approved comments are public and go in the brief");
    }

    /// <summary>The approved comments of a scenario, as the public and the brief see them.</summary>
    public static async Task<IReadOnlyList<CommentView>> ApprovedAsync(IGrainFactory grains, string scenarioId) =>
        [.. (await grains.GetGrain<IScenarioCommentsGrain>(scenarioId).ListAsync())
            .Where(c => c.Status == CommentStatus.Approved)
            .Select(c => CommentView.Of(c, full: false, mine: false))];

    private static async Task<IReadOnlyList<CommentView>> ReadableAsync(IGrainFactory grains, string id, HttpContext http)
    {
        var planner = Policies.CanPlan(http.User);
        var me = http.User.Identity?.IsAuthenticated == true ? Actor.NameOf(http.User) : null;
        return [.. (await grains.GetGrain<IScenarioCommentsGrain>(id).ListAsync())
            .Where(c => planner || c.Status == CommentStatus.Approved || c.Author == me)
            .Select(c => CommentView.Of(c, planner, c.Author == me))];
    }

    /// <summary>The scenario's summary when the caller may read it: published, or the caller plans.</summary>
    private static async Task<ScenarioSummary?> VisibleAsync(IGrainFactory grains, string id, HttpContext http) =>
        await grains.GetGrain<IScenarioGrain>(id).GetSummaryAsync() is { } summary && (summary.Published || Policies.CanPlan(http.User)) ? summary : null;


    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem($"No scenario {id}", statusCode: StatusCodes.Status404NotFound, title: "Unknown scenario");
}
