using Orleans.Storage;

namespace CityTwin.Storage.Tests;

/// <summary>
/// What every grain store of CityTwin must do, checked through <see cref="IGrainStorage"/> exactly as
/// Orleans' state bridge calls it. Each test uses grain ids of its own, so the tests share one host.
/// </summary>
public abstract class GrainStorageConformance<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    private const string StateName = "draft";
    private const int Contenders = 8;

    protected TFixture Fixture => fixture;

    private IGrainStorage Storage => fixture.Storage;

    [Fact]
    public async Task RoundTrip_WriteThenRead_ReturnsTheStateAndItsETag()
    {
        var id = NewGrainId();
        var written = await WriteNewAsync(id, revision: 1);
        Assert.True(written.RecordExists);
        Assert.False(string.IsNullOrEmpty(written.ETag));

        var read = await ReadAsync(id);
        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        AssertDraft(Draft(1), read.State);

        var firstETag = read.ETag;
        read.State = Draft(2);
        await Storage.WriteStateAsync(StateName, id, read);
        Assert.NotEqual(firstETag, read.ETag);

        var reread = await ReadAsync(id);
        Assert.Equal(read.ETag, reread.ETag);
        AssertDraft(Draft(2), reread.State);
    }

    [Fact]
    public async Task Read_OfAMissingRecord_HasNoRecordADefaultStateAndNoETag()
    {
        var read = await ReadAsync(NewGrainId());

        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
        AssertDraft(new ScenarioDraft(), read.State);
    }

    [Fact]
    public async Task Write_WithAStaleETag_ThrowsAndKeepsTheStoredState()
    {
        var id = NewGrainId();
        var original = await WriteNewAsync(id, revision: 1);
        var current = Copy(original, Draft(2));
        var stale = Copy(original, Draft(3));

        await Storage.WriteStateAsync(StateName, id, current);
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, id, stale));

        var read = await ReadAsync(id);
        Assert.Equal(current.ETag, read.ETag);
        AssertDraft(Draft(2), read.State);
    }

    [Fact]
    public async Task Write_WithoutETag_WhenARecordExists_ThrowsAndKeepsTheStoredState()
    {
        var id = NewGrainId();
        var first = await WriteNewAsync(id, revision: 1);

        // A second activation that never read the state believes it writes the first version.
        var second = new GrainState<ScenarioDraft>(Draft(2));
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, id, second));

        var read = await ReadAsync(id);
        Assert.Equal(first.ETag, read.ETag);
        AssertDraft(Draft(1), read.State);
    }

    [Fact]
    public async Task Write_WithAnETag_WhenNoRecordExists_ThrowsAndStoresNothing()
    {
        var id = NewGrainId();
        var invented = new GrainState<ScenarioDraft>(Draft(1), "1");

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, id, invented));

        var read = await ReadAsync(id);
        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
    }

    [Fact]
    public async Task Clear_ThenRead_FindsNoRecordAndTheETagOfTheClear()
    {
        var id = NewGrainId();
        var state = await WriteNewAsync(id, revision: 1);
        var etagBeforeClear = state.ETag;

        await Storage.ClearStateAsync(StateName, id, state);

        Assert.False(state.RecordExists);
        Assert.NotNull(state.ETag);
        Assert.NotEqual(etagBeforeClear, state.ETag);
        AssertDraft(new ScenarioDraft(), state.State);

        var read = await ReadAsync(id);
        Assert.False(read.RecordExists);
        Assert.Equal(state.ETag, read.ETag);
        AssertDraft(new ScenarioDraft(), read.State);
    }

    [Fact]
    public async Task Write_AfterClear_WithTheETagOfTheClear_Succeeds()
    {
        var id = NewGrainId();
        var state = await WriteNewAsync(id, revision: 1);
        await Storage.ClearStateAsync(StateName, id, state);

        state.State = Draft(2);
        await Storage.WriteStateAsync(StateName, id, state);

        var read = await ReadAsync(id);
        Assert.True(read.RecordExists);
        Assert.Equal(state.ETag, read.ETag);
        AssertDraft(Draft(2), read.State);
    }

    [Fact]
    public async Task Write_AfterClear_ByAnActivationThatReadFirst_Succeeds()
    {
        var id = NewGrainId();
        var state = await WriteNewAsync(id, revision: 1);
        await Storage.ClearStateAsync(StateName, id, state);

        var next = await ReadAsync(id);
        next.State = Draft(2);
        await Storage.WriteStateAsync(StateName, id, next);

        var read = await ReadAsync(id);
        Assert.True(read.RecordExists);
        AssertDraft(Draft(2), read.State);
    }

    [Fact]
    public async Task Write_AfterClear_WithTheETagFromBeforeTheClear_Throws()
    {
        var id = NewGrainId();
        var state = await WriteNewAsync(id, revision: 1);
        var beforeClear = Copy(state, Draft(2));
        await Storage.ClearStateAsync(StateName, id, state);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, id, beforeClear));

        var read = await ReadAsync(id);
        Assert.False(read.RecordExists);
        Assert.Equal(state.ETag, read.ETag);
    }

    [Fact]
    public async Task Clear_WithAStaleETag_ThrowsAndKeepsTheStoredState()
    {
        var id = NewGrainId();
        var original = await WriteNewAsync(id, revision: 1);
        var stale = Copy(original, Draft(1));
        var current = Copy(original, Draft(2));
        await Storage.WriteStateAsync(StateName, id, current);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearStateAsync(StateName, id, stale));

        var read = await ReadAsync(id);
        Assert.True(read.RecordExists);
        Assert.Equal(current.ETag, read.ETag);
        AssertDraft(Draft(2), read.State);
    }

    [Fact]
    public async Task Clear_WhenNoRecordExists_DoesNothing()
    {
        var id = NewGrainId();
        var state = new GrainState<ScenarioDraft>();

        await Storage.ClearStateAsync(StateName, id, state);

        Assert.False(state.RecordExists);
        var read = await ReadAsync(id);
        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);

        // Still a first write: nothing was left behind that it would conflict with.
        var written = await WriteNewAsync(id, revision: 1);
        Assert.True(written.RecordExists);
    }

    [Fact]
    public async Task ConcurrentWriters_FromTheSameETag_ExactlyOneWins()
    {
        var id = NewGrainId();
        var original = await WriteNewAsync(id, revision: 0);
        var contenders = Enumerable.Range(1, Contenders).Select(i => Copy(original, Draft(i))).ToArray();

        var outcomes = await Task.WhenAll(contenders.Select(state => Task.Run(() => TryWriteAsync(id, state))));

        Assert.Equal(1, outcomes.Count(won => won));
        var winner = contenders[Array.IndexOf(outcomes, true)];
        var read = await ReadAsync(id);
        Assert.Equal(winner.ETag, read.ETag);
        AssertDraft(Draft(winner.State!.Revision), read.State);
    }

    [Fact]
    public async Task ConcurrentFirstWriters_WithoutETag_ExactlyOneWins()
    {
        var id = NewGrainId();
        var contenders = Enumerable.Range(1, Contenders).Select(i => new GrainState<ScenarioDraft>(Draft(i))).ToArray();

        var outcomes = await Task.WhenAll(contenders.Select(state => Task.Run(() => TryWriteAsync(id, state))));

        Assert.Equal(1, outcomes.Count(won => won));
        var winner = contenders[Array.IndexOf(outcomes, true)];
        var read = await ReadAsync(id);
        Assert.Equal(winner.ETag, read.ETag);
        AssertDraft(Draft(winner.State!.Revision), read.State);
    }

    [Fact]
    public async Task ManyGrains_WritingAtOnce_AllKeepTheirLastState()
    {
        const int Grains = 24;
        const int WritesPerGrain = 4;
        var ids = Enumerable.Range(0, Grains).Select(_ => NewGrainId()).ToArray();

        await Task.WhenAll(ids.Select(id => Task.Run(async () =>
        {
            var state = new GrainState<ScenarioDraft>();
            for (var revision = 1; revision <= WritesPerGrain; revision++)
            {
                state.State = Draft(revision);
                await Storage.WriteStateAsync(StateName, id, state);
            }
        })));

        foreach (var id in ids)
        {
            var read = await ReadAsync(id);
            Assert.True(read.RecordExists);
            AssertDraft(Draft(WritesPerGrain), read.State);
        }
    }

    [Fact]
    public async Task Isolation_StateNamesOfOneGrain_AreSeparateRecords()
    {
        var id = NewGrainId();
        var draft = await WriteNewAsync(id, revision: 1, stateName: "draft");
        await WriteNewAsync(id, revision: 2, stateName: "settings");

        AssertDraft(Draft(1), (await ReadAsync(id, "draft")).State);
        AssertDraft(Draft(2), (await ReadAsync(id, "settings")).State);
        Assert.False((await ReadAsync(id, "acknowledgements")).RecordExists);

        await Storage.ClearStateAsync("draft", id, draft);
        Assert.False((await ReadAsync(id, "draft")).RecordExists);
        AssertDraft(Draft(2), (await ReadAsync(id, "settings")).State);
    }

    [Fact]
    public async Task Isolation_GrainTypesWithTheSameKeyAndStateName_AreSeparateRecords()
    {
        var key = NewKey();
        var scenario = GrainId.Create("scenario", key);
        var alarm = GrainId.Create("alarm", key);

        await WriteNewAsync(scenario, revision: 1);
        Assert.False(
            (await ReadAsync(alarm)).RecordExists,
            $"Reading {alarm} found the record written for {scenario}: the store does not key records by grain type.");

        await WriteNewAsync(alarm, revision: 2);
        AssertDraft(Draft(1), (await ReadAsync(scenario)).State);
        AssertDraft(Draft(2), (await ReadAsync(alarm)).State);
    }

    [Fact]
    public async Task Isolation_KeysDifferingOnlyInLeadingZeros_AreSeparateRecords()
    {
        // Numeric codes (district and dong codes) are natural grain keys; "0" + code is another grain.
        var code = Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var plain = GrainId.Create("district", code);
        var padded = GrainId.Create("district", "0" + code);

        await WriteNewAsync(plain, revision: 1);
        Assert.False(
            (await ReadAsync(padded)).RecordExists,
            $"Reading {padded} found the record written for {plain}: the store reads numeric string keys as numbers.");

        await WriteNewAsync(padded, revision: 2);
        AssertDraft(Draft(1), (await ReadAsync(plain)).State);
        AssertDraft(Draft(2), (await ReadAsync(padded)).State);
    }

    [Fact]
    public async Task Durability_AHostStartedAfterAnotherStopped_ReadsWhatItWrote()
    {
        var id = NewGrainId();
        await using (var before = await fixture.StartHostAsync())
        {
            await before.Storage.WriteStateAsync(StateName, id, new GrainState<ScenarioDraft>(Draft(1)));
        }

        GrainState<ScenarioDraft> read;
        await using (var after = await fixture.StartHostAsync())
        {
            read = await ReadAsync(id, storage: after.Storage);
            Assert.True(read.RecordExists);
            AssertDraft(Draft(1), read.State);

            // The restarted grain carries on from the ETag it read.
            read.State = Draft(2);
            await after.Storage.WriteStateAsync(StateName, id, read);
        }

        var seen = await ReadAsync(id);
        Assert.Equal(read.ETag, seen.ETag);
        AssertDraft(Draft(2), seen.State);
    }

    private async Task<bool> TryWriteAsync(GrainId id, GrainState<ScenarioDraft> state)
    {
        try
        {
            await Storage.WriteStateAsync(StateName, id, state);
            return true;
        }
        catch (InconsistentStateException)
        {
            return false;
        }
    }

    private async Task<GrainState<ScenarioDraft>> WriteNewAsync(GrainId id, int revision, string stateName = StateName)
    {
        var state = new GrainState<ScenarioDraft>(Draft(revision));
        await Storage.WriteStateAsync(stateName, id, state);
        return state;
    }

    private async Task<GrainState<ScenarioDraft>> ReadAsync(GrainId id, string stateName = StateName, IGrainStorage? storage = null)
    {
        var state = new GrainState<ScenarioDraft>();
        await (storage ?? Storage).ReadStateAsync(stateName, id, state);
        return state;
    }

    private static GrainState<ScenarioDraft> Copy(GrainState<ScenarioDraft> source, ScenarioDraft state) =>
        new(state, source.ETag) { RecordExists = source.RecordExists };

    private static string NewKey() => $"t-{Guid.NewGuid():N}";

    private static GrainId NewGrainId() => GrainId.Create("scenario", NewKey());

    private static ScenarioDraft Draft(int revision) => new()
    {
        Title = $"송도 침수 대응 — Überflutung r{revision} ✓",
        Revision = revision,
        Steps = ["배수 펌프장 가동", $"단계 {revision}", "évacuer la rue"],
        SavedAt = new DateTimeOffset(2025, 7, 14, 9, 30, 0, TimeSpan.FromHours(9)).AddMinutes(revision),
    };

    private static void AssertDraft(ScenarioDraft expected, ScenarioDraft? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Title, actual.Title);
        Assert.Equal(expected.Revision, actual.Revision);
        Assert.Equal(expected.Steps, actual.Steps);
        Assert.Equal(expected.SavedAt, actual.SavedAt);
        Assert.Equal(expected.SavedAt?.Offset, actual.SavedAt?.Offset);
    }
}
