using System.Text;
using CityTwin.Abstractions.Alarms;
using CityTwin.Accounts;
using CityTwin.Model.City;
using CityTwin.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CityTwin.Web.Alarms;

/// <summary>
/// The control room's alarms: the list (filtered, paged, sorted by severity and age), one alarm
/// with its timeline, the counts and alarm rate, CSV, and the operator actions — each stored
/// before it is answered and written to the audit log.
/// </summary>
public static class AlarmEndpoints
{
    public const int MaxPageSize = 500;
    public const int MaxCsvRows = 50_000;
    public const int MaxNoteLength = 1000;
    public const int MaxAssigneeLength = 100;
    public const double MaxShelveMinutes = 7 * 24 * 60;

    private static readonly (string Route, AlarmActionType Type)[] Actions =
    [
        ("acknowledge", AlarmActionType.Acknowledge), ("assign", AlarmActionType.Assign), ("comment", AlarmActionType.Comment),
        ("shelve", AlarmActionType.Shelve), ("unshelve", AlarmActionType.Unshelve), ("resolve", AlarmActionType.Resolve),
    ];

    public static void MapAlarmEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/alarms.csv", async Task<Results<FileContentHttpResult, ValidationProblem>> (
            string? state, string? severity, string? area, string? service, DateTimeOffset? from, DateTimeOffset? to, string? parent,
            CityCatalog catalog, AlarmDirectory alarms, AlarmItems items) =>
        {
            var (query, errors) = AlarmListFilter.Parse(state, severity, area, service, from, to, parent, catalog);
            if (query is null) return TypedResults.ValidationProblem(errors, title: "The alarm filter is not valid");
            var rows = AlarmDirectory.Sorted(await alarms.QueryAsync(query with { IncludeChildren = true })).Take(MaxCsvRows).Select(items.Of);
            return TypedResults.File(Encoding.UTF8.GetBytes(AlarmCsv.Write(rows)), "text/csv", "citytwin-alarms.csv");
        }).WithTags("Alarms").Produces<string>(StatusCodes.Status200OK, "text/csv")
            .WithSummary($"The alarms of the same filter as CSV, flood children included (at most {MaxCsvRows:N0} rows)");

        var api = app.MapGroup("/api/alarms").WithTags("Alarms");

        api.MapGet("/", async Task<Results<Ok<AlarmPage>, ValidationProblem>> (
            string? state, string? severity, string? area, string? service, DateTimeOffset? from, DateTimeOffset? to, string? parent,
            int? page, int? pageSize, CityCatalog catalog, AlarmDirectory alarms, AlarmItems items) =>
        {
            var (query, errors) = AlarmListFilter.Parse(state, severity, area, service, from, to, parent, catalog);
            if (page is < 1 or > 1_000_000) errors["page"] = ["From 1"];
            if (pageSize is < 1 or > MaxPageSize) errors["pageSize"] = [$"From 1 to {MaxPageSize}"];
            if (query is null || errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The alarm filter is not valid");
            var (p, size) = (page ?? 1, pageSize ?? 50);
            var all = await alarms.QueryAsync(query);
            var pageItems = AlarmDirectory.Sorted(all).Skip((p - 1) * size).Take(size).Select(items.Of).ToList();
            return TypedResults.Ok(new AlarmPage(all.Count, p, size, pageItems));
        }).WithSummary("Alarms sorted by severity and age: filter by state (activeUnacknowledged, activeAcknowledged, clearedUnacknowledged, closed, active, open, shelved), severity, service, area (gu or dong code), from/to (simulated time of occurrence), parent (a flood group's children); paged");

        api.MapGet("/summary", async (AlarmDirectory alarms, IOptions<AlarmOptions> options) =>
        {
            return TypedResults.Ok(AlarmSummaryResponse.From(await alarms.SummaryAsync(), options.Value));
        }).WithSummary("Open, unacknowledged, critical and shelved alarms, and the alarm rate per operator over the last 10 minutes");

        api.MapGet("/{id}", async Task<Results<Ok<AlarmDetailResponse>, ProblemHttpResult>> (string id, AlarmDirectory alarms, AlarmItems items) =>
        {
            if (alarms.BookOf(id) is not { } book || await book.GetAsync(id) is not { } detail) return NotFound(id);
            return TypedResults.Ok(new AlarmDetailResponse(items.Of(detail.Alarm), detail.Timeline, detail.ChildIds));
        }).WithSummary("One alarm with its timeline: raised, repeated, cleared, and every action with who, when and the note");

        foreach (var (route, type) in Actions)
        {
            api.MapPost($"/{{id}}/{route}", async Task<Results<Ok<AlarmDetailResponse>, ValidationProblem, ProblemHttpResult>> (
                string id, AlarmActionRequest? request, HttpContext http, AlarmDirectory alarms, AlarmItems items, TimeProvider time, ILogger<AlarmActionRequest> logger) =>
            {
                var (action, errors) = Validate(type, request ?? new AlarmActionRequest(), Actor.NameOf(http.User), time.GetUtcNow());
                if (action is null)
                {
                    logger.LogWarning("Rejected alarm {Action} on {Alarm}: {Errors}", route, id, string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value[0]}")));
                    return TypedResults.ValidationProblem(errors, title: $"The {route} request is not valid");
                }
                if (alarms.BookOf(id) is not { } book) return NotFound(id);
                var outcome = await book.ActAsync(id, action);
                if (outcome.NotFound) return NotFound(id);
                if (outcome.Alarm is not { } detail)
                {
                    await http.AuditAsync($"alarm.{route}", AuditOutcomes.Refused, id, outcome.Conflict);
                    return TypedResults.Problem(outcome.Conflict, statusCode: StatusCodes.Status409Conflict, title: $"Cannot {route} this alarm");
                }
                await http.AuditAsync($"alarm.{route}", target: id, detail: Describe(action));
                logger.LogInformation("{User} did {Action} on alarm {Alarm}", action.Actor, route, id);
                return TypedResults.Ok(new AlarmDetailResponse(items.Of(detail.Alarm), detail.Timeline, detail.ChildIds));
            }).RequireAuthorization(Policies.AlarmOperation)
                .WithSummary($"{char.ToUpperInvariant(route[0])}{route[1..]} an alarm (operator, admin) with an optional note{Needs(type)}; stored before the answer and audited; 409 when its state does not allow it");
        }
    }

    private static string Needs(AlarmActionType type) => type switch
    {
        AlarmActionType.Assign => " and the assignee",
        AlarmActionType.Shelve => " and minutes (1–10,080)",
        _ => "",
    };

    private static (AlarmAction?, Dictionary<string, string[]>) Validate(AlarmActionType type, AlarmActionRequest request, string actor, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        if (note is { Length: > MaxNoteLength }) errors["note"] = [$"At most {MaxNoteLength} characters"];
        if (type == AlarmActionType.Comment && note is null) errors["note"] = ["A comment needs a note"];
        var assignee = string.IsNullOrWhiteSpace(request.Assignee) ? null : request.Assignee.Trim();
        if (type == AlarmActionType.Assign && assignee is null) errors["assignee"] = ["Name who takes the alarm"];
        if (assignee is { Length: > MaxAssigneeLength }) errors["assignee"] = [$"At most {MaxAssigneeLength} characters"];
        DateTimeOffset? until = null;
        if (type == AlarmActionType.Shelve)
        {
            if (request.Minutes is not { } m || !double.IsFinite(m) || m < 1 || m > MaxShelveMinutes)
                errors["minutes"] = [$"Shelve for 1 to {MaxShelveMinutes:0} minutes"];
            else until = now.AddMinutes(m);
            if (note is null) errors["note"] = ["Give the reason for shelving"];
        }
        return errors.Count > 0 ? (null, errors) : (new AlarmAction(type, actor, note, assignee, until), errors);
    }

    private static string Describe(AlarmAction a) => string.Join("; ", new[]
    {
        a.AssignTo is null ? null : $"to {a.AssignTo}",
        a.ShelveUntil is null ? null : $"until {a.ShelveUntil:u}",
        a.Note,
    }.Where(s => s is not null));

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem($"No alarm {id}", statusCode: StatusCodes.Status404NotFound, title: "Unknown alarm");
}
