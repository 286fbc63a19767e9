using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using CsCheck;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CityTwin.Web.Tests;

/// <summary>
/// Generated malformed requests against every endpoint the app maps (read from its endpoint data
/// source, so a new endpoint is covered without touching this test): none may end in a 5xx, and
/// every refusal is problem details; a 400, 413 or 415 names the field or the body it could not read.
/// </summary>
public sealed class BoundaryFuzzTests(ITestOutputHelper output)
{
    /// <summary>Generated requests per environment: 20,000 in the test run; the long run sets CITYTWIN_FUZZ_CASES (README).</summary>
    private static readonly int Cases = int.TryParse(Environment.GetEnvironmentVariable("CITYTWIN_FUZZ_CASES"), out var n) && n > 0 ? n : 20_000;

    /// <summary>
    /// Both environments, since the framework treats binding failures differently in each. Scenario
    /// submissions are not rate limited here, so every generated body reaches binding and validation.
    /// </summary>
    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    public async Task No_malformed_request_to_any_endpoint_ends_in_a_server_error_and_every_refusal_is_problem_details(string environment)
    {
        var store = Path.Combine(Path.GetTempPath(), "citytwin-tests", Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string> { ["Boundaries:ScenarioSubmissions:PermitLimit"] = "1000000", ["Feeds:RequestsPerWindow"] = "1000000" };
        try
        {
            await FuzzAsync(environment, store, settings);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(store)) Directory.Delete(store, recursive: true);
        }
    }

    private async Task FuzzAsync(string environment, string store, Dictionary<string, string> settings)
    {
        string fuzzer;
        await using (var host = TwinAppFactory.Create(new TwinAppOptions { Environment = environment, QuietLogs = true, DataDirectory = store, Settings = settings }))
        {
            await host.WaitUntilLiveAsync();
            fuzzer = await host.CreateUserAsync(Roles.Admin);
            await RunCasesAsync(host, fuzzer);
            // The process is alive and answers.
            using var probe = host.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync("/healthz")).StatusCode);
        }

        // What the requests left in the store reads back after a restart: nothing they sent corrupted it,
        // and the account that sent them is as it was (no generated request reached it by accident).
        await using var again = TwinAppFactory.Create(new TwinAppOptions { Environment = environment, QuietLogs = true, DataDirectory = store, Settings = settings });
        await again.WaitUntilLiveAsync();
        using var admin = again.CreateClientAs(Roles.Admin);
        foreach (var url in new[] { "/api/clock", "/api/scenarios", "/api/tours", "/api/public/indicators", "/api/alarms", "/api/admin/users", "/api/admin/tokens", "/api/admin/audit" })
        {
            var read = await admin.GetAsync(url);
            Assert.True(read.StatusCode == HttpStatusCode.OK, $"{url} after the restart: {(int)read.StatusCode} {await read.Content.ReadAsStringAsync()}");
        }
        var users = await (await admin.GetAsync("/api/admin/users")).Content.ReadAsStringAsync();
        using var list = JsonDocument.Parse(users);
        var account = list.RootElement.EnumerateArray().Single(u => u.GetProperty("userName").GetString() == fuzzer);
        Assert.False(account.GetProperty("disabled").GetBoolean());
        Assert.Equal([Roles.Admin], account.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
    }

    private async Task RunCasesAsync(TwinAppFactory host, string fuzzer)
    {
        var endpoints = FuzzEndpoint.All(host.Services.GetRequiredService<EndpointDataSource>());
        // The long run can give all its cases to one boundary, e.g. CITYTWIN_FUZZ_ENDPOINT="POST /api/scenarios/".
        var only = Environment.GetEnvironmentVariable("CITYTWIN_FUZZ_ENDPOINT");
        Assert.Contains(endpoints, e => e.ToString() == "POST /api/scenarios/");
        Assert.Contains(endpoints, e => e.ToString() == "POST /api/clock");
        Assert.Contains(endpoints, e => e.ToString() == "GET /api/assets");
        Assert.Contains(endpoints, e => e.ToString() == "POST /api/alarms/{id}/acknowledge");
        Assert.Contains(endpoints, e => e.ToString() == "POST /api/alarm-rules/");
        foreach (var drill in new[] { "POST /api/drills/{id}/start", "POST /api/drills/runs/{runId}/stop", "GET /api/drills/runs/{runId}/report" })
            Assert.Contains(endpoints, e => e.ToString() == drill);
        Assert.Contains(endpoints, e => e.ToString() == "POST /api/telemetry");
        Assert.Contains(endpoints, e => e.ToString() == "POST /api/simulation/sources");
        Assert.Contains(endpoints, e => e.ToString() == "GET /ngsi-ld/v1/entities" && e.QueryNames.Contains("georel") && e.QueryNames.Contains("q"));
        Assert.Contains(endpoints, e => e.ToString() == "GET /ngsi-ld/v1/entities/{entityId}");
        foreach (var tour in new[] { "POST /api/tours/", "PUT /api/tours/{id}", "POST /api/tours/import", "POST /api/tours/{id}/present", "POST /api/tour-sessions/{code}/stop", "POST /api/tour-sessions/{code}/ping" })
            Assert.Contains(endpoints, e => e.ToString() == tour);
        Assert.Contains(endpoints, e => e.ToString() == "GET /api/scenarios/compare/" && e.QueryNames.Contains("ids"));
        Assert.Contains(endpoints, e => e.ToString() == "GET /api/scenarios/compare/brief");
        Assert.Contains(endpoints, FuzzForms.ReadsForm);
        Assert.Contains(endpoints, e => e.ToString() == "PUT /api/indicators/{indicatorId}/target");
        foreach (var stakeholder in new[] { "POST /api/lenses/", "PUT /api/lenses/{id}", "DELETE /api/lenses/{id}", "POST /api/scenarios/{id}/comments/", "POST /api/scenarios/{id}/comments/{commentId}/moderate" })
            Assert.Contains(endpoints, e => e.ToString() == stakeholder);
        Assert.Contains(endpoints, e => e.ToString() == "GET /api/scenarios/compare/" && e.QueryNames.Contains("lenses"));
        Assert.Contains(endpoints, e => e.ToString() == "POST /api/cities/{id}/activate");
        Assert.Contains(endpoints, e => e.ToString() == "POST /api/scenarios/retarget");
        Assert.Contains(endpoints, e => e.ToString() == "GET /api/scenarios/{id}/export/definition.json");
        if (!string.IsNullOrEmpty(only)) endpoints = [.. endpoints.Where(e => e.ToString() == only)];
        Assert.NotEmpty(endpoints);
        // As an admin with the feed scope: every endpoint, write or read, gets as far as reading its input.
        using var client = host.CreateHttpClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await host.CreateTokenForAsync(fuzzer, Roles.Admin, TokenScopes.Feed));
        var failures = new ConcurrentBag<(string Kind, string Detail)>();
        var statuses = new ConcurrentDictionary<int, int>();
        var clock = Stopwatch.StartNew();

        await FuzzInputs.For(endpoints).SampleAsync(async c =>
        {
            // A request that never gets its answer is a failure to report, not a run that hangs.
            using var answered = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                using var response = await client.SendAsync(c.ToRequest(), HttpCompletionOption.ResponseHeadersRead, answered.Token);
                var status = (int)response.StatusCode;
                statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
                // A success needs no body read: some answers are long-lived streams by design.
                if (status < 300) return;
                var body = await response.Content.ReadAsStringAsync(answered.Token);
                if (Fault(c, response, body) is { } fault) failures.Add(($"{c.Endpoint} {status} {fault.Split(' ', 3)[0]}", $"{status} {fault}: {c}"));
            }
            catch (OperationCanceledException) when (answered.IsCancellationRequested)
            {
                failures.Add(($"{c.Endpoint} no answer", $"no answer within 30 s: {c}"));
            }
        }, iter: Cases);

        output.WriteLine($"{Cases} cases over {endpoints.Count} endpoints in {clock.Elapsed.TotalSeconds:0.0} s; statuses {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}");
        var kinds = failures.GroupBy(f => f.Kind).OrderByDescending(g => g.Count()).Select(g => $"{g.Count()}× {g.Key}");
        Assert.True(failures.IsEmpty, $"{failures.Count} of {Cases} generated requests were answered wrongly:\n{string.Join('\n', kinds)}\n"
            + string.Join('\n', failures.GroupBy(f => f.Kind).SelectMany(g => g.Take(2)).Select(f => f.Detail)));
    }

    /// <summary>What is wrong with the answer to <paramref name="c"/>, or null.</summary>
    private static string? Fault(FuzzCase c, HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        if (status >= 500) return "server error " + Clip(body);
        if (status < 400 || c.Endpoint.IsSignalR || (status != 400 && !c.Endpoint.IsApi)) return null;
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") return $"not problem details ({response.Content.Headers.ContentType})";
        using var problem = JsonDocument.Parse(body);
        if (!problem.RootElement.TryGetProperty("status", out var s) || s.GetInt32() != status) return "problem without its status";
        // A request the endpoint could not read names what it could not read: the field, or the body.
        if (response.StatusCode is not (HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.UnsupportedMediaType)) return null;
        if (!problem.RootElement.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Object
            || !errors.EnumerateObject().Any(e => e.Name.Length > 0 && e.Value.GetArrayLength() > 0))
            return "refusal that names no field " + Clip(body);
        return null;
    }

    private static string Clip(string s) => s.Length > 300 ? s[..300] + "…" : s;
}
