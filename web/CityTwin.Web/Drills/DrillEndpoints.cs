using CityTwin.Abstractions.Drills;
using CityTwin.Accounts;
using CityTwin.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CityTwin.Web.Drills;

/// <summary>
/// Drills: the pack's catalogue, starting one (trainers and admins), stopping it, the runs and
/// their after-action reports. One run at a time, so the control room practises one incident.
/// </summary>
public static class DrillEndpoints
{
    public const double MaxSpeed = 60;
    public const int MaxNoteLength = 1000;

    public static void MapDrillEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/drills").WithTags("Drills");

        api.MapGet("/", (DrillCatalog drills) => TypedResults.Ok(drills.All()))
            .WithSummary("The city pack's drills: scripted incidents on real places, their timed steps with each place");

        api.MapGet("/{id}", Results<Ok<DrillResponse>, ProblemHttpResult> (string id, DrillCatalog drills) =>
            drills.Find(id) is { } drill ? TypedResults.Ok(drills.Of(drill)) : Problem(404, "Unknown drill", $"No drill {id}"))
            .WithSummary("One drill with its steps");

        api.MapPost("/{id}/start", async Task<Results<Created<DrillRunInfo>, ValidationProblem, ProblemHttpResult>> (
            string id, DrillStartRequest? request, HttpContext http, DrillCatalog drills, DrillDirectory runs, ILogger<DrillStartRequest> logger) =>
        {
            var errors = new Dictionary<string, string[]>();
            var speed = request?.Speed ?? 1;
            if (!double.IsFinite(speed) || speed < 1 || speed > MaxSpeed) errors["speed"] = [$"From 1 to {MaxSpeed:0} times as fast as written"];
            var note = string.IsNullOrWhiteSpace(request?.Note) ? null : request.Note.Trim();
            if (note is { Length: > MaxNoteLength }) errors["note"] = [$"At most {MaxNoteLength} characters"];
            if (errors.Count > 0)
            {
                logger.LogWarning("Rejected drill start {Drill}: {Errors}", id, string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value[0]}")));
                return TypedResults.ValidationProblem(errors, title: "The drill start is not valid");
            }
            if (drills.Find(id) is not { } drill) return Problem(404, "Unknown drill", $"No drill {id}");
            if ((await runs.Runs.RunningAsync()) is { Count: > 0 } running)
            {
                await http.AuditAsync("drill.start", AuditOutcomes.Refused, id, $"run {running[0]} is running");
                return Problem(409, "A drill is running", $"Drill run {running[0]} is running: stop it first");
            }
            var runId = DrillRunIds.New();
            var run = await runs.Run(runId).StartAsync(drill, Actor.NameOf(http.User), speed, note);
            await http.AuditAsync("drill.start", target: runId, detail: $"drill {drill.Id} at speed {speed:0.##}{(note is null ? "" : $"; {note}")}");
            return TypedResults.Created($"/api/drills/runs/{runId}", run);
        }).RequireAuthorization(Policies.Drills)
            .WithSummary($"Start a drill (trainer, admin): its alarms come at the script's times, divided by speed (1–{MaxSpeed:0}); one run at a time (409); audited");

        api.MapGet("/runs", async (DrillDirectory runs) => TypedResults.Ok(await runs.Runs.ListAsync()))
            .WithSummary("Every drill run, newest first: who started it, when, how far it is and how it ended");

        api.MapGet("/runs/{runId}", async Task<Results<Ok<DrillRunInfo>, ProblemHttpResult>> (string runId, DrillDirectory runs) =>
            DrillRunIds.IsRunId(runId) && await runs.Run(runId).GetInfoAsync() is { } run ? TypedResults.Ok(run) : NoRun(runId))
            .WithSummary("One drill run");

        api.MapPost("/runs/{runId}/stop", async Task<Results<Ok<DrillRunInfo>, ProblemHttpResult>> (string runId, HttpContext http, DrillDirectory runs) =>
        {
            if (!DrillRunIds.IsRunId(runId) || await runs.Run(runId).GetInfoAsync() is not { } before) return NoRun(runId);
            if (before.Status != DrillRunStatus.Running)
            {
                await http.AuditAsync("drill.stop", AuditOutcomes.Refused, runId, "the run has ended");
                return Problem(409, "The run has ended", $"Drill run {runId} is {before.Status.ToString().ToLowerInvariant()}");
            }
            var run = await runs.Run(runId).StopAsync(Actor.NameOf(http.User));
            await http.AuditAsync("drill.stop", target: runId, detail: $"drill {before.DrillId}");
            return TypedResults.Ok(run!);
        }).RequireAuthorization(Policies.Drills)
            .WithSummary("Stop a running drill (trainer, admin): its open alarms leave the control room and count as missed; audited");

        api.MapGet("/runs/{runId}/report", async Task<Results<Ok<DrillReportResponse>, ProblemHttpResult>> (
            string runId, DrillDirectory runs, DrillCatalog drills, TimeProvider time) =>
            DrillRunIds.IsRunId(runId) && await runs.Run(runId).GetReportAsync() is { } report
                ? TypedResults.Ok(DrillReportBuilder.Build(report, drills, time.GetUtcNow()))
                : NoRun(runId))
            .WithSummary("A run's after-action report: score, each alarm's times to acknowledge, assign and resolve with who, missed alarms, the whole timeline");
    }

    private static ProblemHttpResult NoRun(string runId) => Problem(404, "Unknown drill run", $"No drill run {runId}");

    private static ProblemHttpResult Problem(int status, string title, string detail) => TypedResults.Problem(detail, statusCode: status, title: title);
}
