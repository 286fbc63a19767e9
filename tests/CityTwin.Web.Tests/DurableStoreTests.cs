using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace CityTwin.Web.Tests;

/// <summary>
/// Embedded mode keeps what users set in its SQLite store: a restart loses nothing. In the shared
/// collection so its hosts never run beside the shared one: meters are process-wide, and a second
/// live host would add its own series to the shared host's /metrics.
/// Upgrading loses nothing either: a store written by the version that kept scenario definitions and
/// results as JSON strings (Orleans' default Newtonsoft serializer, with type names) opens with every
/// scenario's definition and results intact; the fixtures are the exact payloads that version wrote
/// for a completed scenario.
/// </summary>
[Collection(TwinCollection.Name)]
public sealed class DurableStoreTests
{
    // The scenario the previous-version fixtures hold.
    private const string PreviousScenarioId = "c6a28b8706d9";

    [Fact]
    public async Task Clock_settings_survive_a_restart_of_the_embedded_app()
    {
        var directory = Path.Combine(Path.GetTempPath(), "citytwin-tests", Guid.NewGuid().ToString("N"));
        try
        {
            string simTimeBefore;
            await using (var first = TwinAppFactory.OnStore(directory))
            {
                await first.InitializeAsync();
                using var client = first.CreateClientAs(Roles.Admin);
                var set = await client.PostAsJsonAsync("/api/clock", new { speed = 37, paused = true });
                Assert.Equal(HttpStatusCode.OK, set.StatusCode);
                simTimeBefore = (await set.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("simTime").GetString()!;
            }
            Assert.True(File.Exists(Path.Combine(directory, "citytwin.db")), "no SQLite store written");

            await using var second = TwinAppFactory.OnStore(directory);
            await second.InitializeAsync();
            using var again = second.CreateClientAs(Roles.Planner);
            var clock = await again.GetFromJsonAsync<JsonElement>("/api/clock");
            Assert.Equal(37, clock.GetProperty("speed").GetDouble());
            Assert.True(clock.GetProperty("paused").GetBoolean());
            // Paused: the city stands exactly where it was left.
            Assert.Equal(DateTimeOffset.Parse(simTimeBefore), DateTimeOffset.Parse(clock.GetProperty("simTime").GetString()!));
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_completed_scenario_reads_back_with_its_definition_and_results_after_a_restart()
    {
        var directory = Path.Combine(Path.GetTempPath(), "citytwin-tests", Guid.NewGuid().ToString("N"));
        try
        {
            string id;
            JsonElement definitionBefore, resultsBefore;
            await using (var first = TwinAppFactory.OnStore(directory))
            {
                await first.InitializeAsync();
                using var client = first.CreateClientAs(Roles.Admin);
                var started = await client.PostAsJsonAsync("/api/scenarios", new
                {
                    name = "Survives a restart",
                    start = new { kind = "baseline", date = "2026-07-15" },
                    horizonHours = 2,
                    stepMinutes = 30,
                    seed = 11,
                    conditions = new[] { new { type = "heatwave", parameters = new Dictionary<string, double> { ["peakC"] = 4 } } },
                    interventions = new[] { new { type = "led-retrofit", target = new { kind = "gu", codes = new[] { "28185" } } } },
                });
                Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
                id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
                var done = await TwinAppFactory.PollAsync<JsonElement>(client, $"/api/scenarios/{id}", s => s.GetProperty("status").GetString() == "completed", TimeSpan.FromSeconds(120));
                definitionBefore = done.GetProperty("definition");
                resultsBefore = await client.GetFromJsonAsync<JsonElement>($"/api/scenarios/{id}/results");
            }

            await using var second = TwinAppFactory.OnStore(directory);
            await second.InitializeAsync();
            using var again = second.CreateClientAs(Roles.Planner);
            var read = await again.GetAsync($"/api/scenarios/{id}");
            Assert.True(read.IsSuccessStatusCode, await read.Content.ReadAsStringAsync());
            var scenario = await read.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("completed", scenario.GetProperty("status").GetString());
            var definition = scenario.GetProperty("definition");
            Assert.Equal(definitionBefore.ToString(), definition.ToString());
            // Typed all the way: enums read back as their names, the gu target and the heatwave intact.
            Assert.Equal("baselineDay", definition.GetProperty("start").GetProperty("kind").GetString());
            var target = definition.GetProperty("interventions")[0].GetProperty("target");
            Assert.Equal("gu", target.GetProperty("kind").GetString());
            Assert.Equal("28185", target.GetProperty("code").GetString());
            Assert.Equal(4, definition.GetProperty("conditions").GetProperty("heatwave").GetProperty("peakC").GetDouble());
            var results = await again.GetFromJsonAsync<JsonElement>($"/api/scenarios/{id}/results");
            Assert.Equal(resultsBefore.ToString(), results.ToString());
            Assert.Equal(4, results.GetProperty("times").GetArrayLength());
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_scenario_stored_as_json_strings_reads_back_with_its_definition_and_results()
    {
        var directory = Path.Combine(Path.GetTempPath(), "citytwin-tests", Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(directory);
            var database = Path.Combine(directory, "citytwin.db");
            await WritePreviousStoreAsync(database);
            using var previousResults = JsonDocument.Parse(LegacyString("previous-scenario-results-state.json", "Json"));

            await using var app = TwinAppFactory.OnStore(directory);
            await app.InitializeAsync();
            using var client = app.CreateClientAs(Roles.Planner);

            var read = await client.GetAsync($"/api/scenarios/{PreviousScenarioId}");
            Assert.True(read.IsSuccessStatusCode, await read.Content.ReadAsStringAsync());
            var scenario = await read.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("completed", scenario.GetProperty("status").GetString());
            var definition = scenario.GetProperty("definition");
            Assert.Equal(JsonValueKind.Object, definition.ValueKind);
            Assert.Equal("Heat before the upgrade", definition.GetProperty("name").GetString());
            Assert.Equal("Stored by the previous version", definition.GetProperty("description").GetString());
            Assert.Equal("baselineDay", definition.GetProperty("start").GetProperty("kind").GetString());
            Assert.Equal("2026-07-15", definition.GetProperty("start").GetProperty("date").GetString());
            Assert.Equal("02:00:00", definition.GetProperty("horizon").GetString());
            Assert.Equal("00:30:00", definition.GetProperty("step").GetString());
            Assert.Equal(11, definition.GetProperty("seed").GetInt32());
            Assert.Equal(4, definition.GetProperty("conditions").GetProperty("heatwave").GetProperty("peakC").GetDouble());
            var intervention = definition.GetProperty("interventions")[0];
            Assert.Equal("led-retrofit", intervention.GetProperty("type").GetString());
            Assert.Equal("gu", intervention.GetProperty("target").GetProperty("kind").GetString());
            Assert.Equal("28185", intervention.GetProperty("target").GetProperty("code").GetString());

            var resultsResponse = await client.GetAsync($"/api/scenarios/{PreviousScenarioId}/results");
            Assert.Equal(HttpStatusCode.OK, resultsResponse.StatusCode);
            var results = await resultsResponse.Content.ReadFromJsonAsync<JsonElement>();
            var expected = previousResults.RootElement;
            Assert.Equal(expected.GetProperty("times").GetArrayLength(), results.GetProperty("times").GetArrayLength());
            Assert.Equal(expected.GetProperty("dongs").GetArrayLength(), results.GetProperty("dongs").GetArrayLength());
            var kpis = results.GetProperty("kpis").EnumerateArray().ToDictionary(k => k.GetProperty("id").GetString()!);
            Assert.Equal(expected.GetProperty("kpis").GetArrayLength(), kpis.Count);
            foreach (var kpi in expected.GetProperty("kpis").EnumerateArray())
            {
                var actual = kpis[kpi.GetProperty("id").GetString()!];
                foreach (var number in new[] { "baseline", "scenario", "delta" })
                    Assert.Equal(kpi.GetProperty(number).GetDouble(), actual.GetProperty(number).GetDouble());
            }
            Assert.Contains(kpis.Values, k => k.GetProperty("baseline").GetDouble() != 0);
            // Stored before costs and seeds existed: read with neither, and every view of it still answers.
            Assert.Equal(JsonValueKind.Null, results.GetProperty("economics").ValueKind);
            Assert.Equal(JsonValueKind.Null, results.GetProperty("uncertainty").ValueKind);
            Assert.Contains("Not appraised", await client.GetStringAsync($"/api/scenarios/{PreviousScenarioId}/brief"), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/scenarios/{PreviousScenarioId}/export/economics.csv")).StatusCode);
            var compared = await client.GetFromJsonAsync<JsonElement>($"/api/scenarios/compare?ids={PreviousScenarioId}");
            Assert.Equal(JsonValueKind.Null, compared.GetProperty("runs")[0].GetProperty("economics").ValueKind);
            Assert.Equal(1, definition.GetProperty("seedCount").GetInt32());

            var listed = await client.GetFromJsonAsync<JsonElement>("/api/scenarios");
            Assert.Contains(listed.EnumerateArray(), s => s.GetProperty("id").GetString() == PreviousScenarioId);

            // Carried forward: the records are stored again in the typed shape, so the old one is read once.
            var scenarioRow = await ReadPayloadAsync(database, "scenario");
            Assert.DoesNotContain("\"DefinitionJson\"", scenarioRow, StringComparison.Ordinal);
            Assert.Contains("\"Definition\":{", scenarioRow, StringComparison.Ordinal);
            var resultsRow = await ReadPayloadAsync(database, "results");
            Assert.DoesNotContain("\"Json\"", resultsRow, StringComparison.Ordinal);
            Assert.Contains("\"Document\":{", resultsRow, StringComparison.Ordinal);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }

    // The file as the previous version left it: its table (schema version 1) and its rows, payloads byte for byte.
    private static async Task WritePreviousStoreAsync(string database)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using (var schema = connection.CreateCommand())
        {
            schema.CommandText = """
                CREATE TABLE grain_state (
                    grain_id     TEXT    NOT NULL,
                    state_name   TEXT    NOT NULL,
                    grain_type   TEXT    NOT NULL,
                    payload      BLOB    NULL,
                    version      INTEGER NOT NULL,
                    modified_utc TEXT    NOT NULL,
                    PRIMARY KEY (grain_id, state_name)
                ) WITHOUT ROWID;
                PRAGMA user_version = 1;
                """;
            await schema.ExecuteNonQueryAsync();
        }
        await InsertAsync(connection, $"scenario/{PreviousScenarioId}", "scenario", "scenario", 3, "previous-scenario-state.json");
        await InsertAsync(connection, $"scenario/{PreviousScenarioId}", "results", "scenario", 1, "previous-scenario-results-state.json");
        await InsertAsync(connection, "scenarioregistry/scenarios", "scenarios", "scenarioregistry", 3, "previous-scenario-registry-state.json");
    }

    private static async Task InsertAsync(SqliteConnection connection, string grainId, string stateName, string grainType, long version, string fixture)
    {
        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO grain_state (grain_id, state_name, grain_type, payload, version, modified_utc)
            VALUES (@grain_id, @state_name, @grain_type, @payload, @version, '2026-12-07T01:50:14.3692604Z');
            """;
        insert.Parameters.AddWithValue("@grain_id", grainId);
        insert.Parameters.AddWithValue("@state_name", stateName);
        insert.Parameters.AddWithValue("@grain_type", grainType);
        insert.Parameters.Add("@payload", SqliteType.Blob).Value = await File.ReadAllBytesAsync(FixturePath(fixture));
        insert.Parameters.AddWithValue("@version", version);
        await insert.ExecuteNonQueryAsync();
    }

    private static async Task<string> ReadPayloadAsync(string database, string stateName)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT payload FROM grain_state WHERE grain_id = @grain_id AND state_name = @state_name;";
        read.Parameters.AddWithValue("@grain_id", $"scenario/{PreviousScenarioId}");
        read.Parameters.AddWithValue("@state_name", stateName);
        return Encoding.UTF8.GetString((byte[])(await read.ExecuteScalarAsync())!);
    }

    private static string LegacyString(string fixture, string property)
    {
        using var stored = JsonDocument.Parse(File.ReadAllBytes(FixturePath(fixture)));
        return stored.RootElement.GetProperty(property).GetString()!;
    }

    private static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
}
