using System.Globalization;
using System.Text;
using CityTwin.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CityTwin.Web.Security;

/// <summary>The audit log for admins: filtered, paged, and as CSV.</summary>
public static class AuditEndpoints
{
    public const int MaxPageSize = 500;
    public const int MaxCsvRows = 100_000;

    public static void MapAuditEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapGet("/audit", async Task<Results<Ok<AuditPage>, ValidationProblem>> (
            DateTimeOffset? from, DateTimeOffset? to, string? actor, string? action, string? outcome, string? target, int? page, int? pageSize, AuditLog audit) =>
        {
            var errors = Validate(from, to, page, pageSize);
            if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The audit filter is not valid");
            var (p, size) = (page ?? 1, pageSize ?? 50);
            var (entries, total) = await audit.QueryAsync(Filter(from, to, actor, action, outcome, target), (p - 1) * size, size);
            return TypedResults.Ok(new AuditPage(total, p, size, [.. entries.Select(View)]));
        }).WithSummary("Who did what and when, newest first: filter by time (from, to), actor, action (prefix, e.g. 'scenario.'), outcome, target");

        admin.MapGet("/audit.csv", async Task<Results<FileContentHttpResult, ValidationProblem>> (
            DateTimeOffset? from, DateTimeOffset? to, string? actor, string? action, string? outcome, string? target, AuditLog audit) =>
        {
            var errors = Validate(from, to, null, null);
            if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The audit filter is not valid");
            var (entries, _) = await audit.QueryAsync(Filter(from, to, actor, action, outcome, target), 0, MaxCsvRows);
            return TypedResults.File(Encoding.UTF8.GetBytes(Csv(entries)), "text/csv", "citytwin-audit.csv");
        }).Produces<string>(StatusCodes.Status200OK, "text/csv")
            .WithSummary($"The same filter as CSV (at most {MaxCsvRows:N0} rows, newest first)");
    }

    public static AuditEntryView View(AuditEntry e) =>
        new(e.Id, DateTime.SpecifyKind(e.AtUtc, DateTimeKind.Utc), e.Actor, e.Action, e.Target, e.Detail, e.Outcome, e.Address, e.Via);

    public static string Csv(IEnumerable<AuditEntry> entries)
    {
        var csv = new StringBuilder("time_utc,actor,action,target,detail,outcome,address,via\n");
        foreach (var e in entries)
        {
            csv.Append(DateTime.SpecifyKind(e.AtUtc, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture)).Append(',')
                .Append(Field(e.Actor)).Append(',').Append(Field(e.Action)).Append(',').Append(Field(e.Target)).Append(',')
                .Append(Field(e.Detail)).Append(',').Append(Field(e.Outcome)).Append(',').Append(Field(e.Address)).Append(',')
                .Append(Field(e.Via)).Append('\n');
        }
        return csv.ToString();
    }

    /// <summary>RFC 4180 quoting; a leading = + - @ is prefixed with ' so a spreadsheet never runs it as a formula.</summary>
    private static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    private static AuditFilter Filter(DateTimeOffset? from, DateTimeOffset? to, string? actor, string? action, string? outcome, string? target) =>
        new(from?.UtcDateTime, to?.UtcDateTime, actor, action, outcome, target);

    private static Dictionary<string, string[]> Validate(DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        if (from is { } f && to is { } t && t < f) errors["to"] = ["'to' is before 'from'"];
        if (page is < 1 or > 1_000_000) errors["page"] = ["From 1"];
        if (pageSize is < 1 or > MaxPageSize) errors["pageSize"] = [$"From 1 to {MaxPageSize}"];
        return errors;
    }
}
