using CityTwin.Abstractions.Alarms;
using CityTwin.Grains.Alarms;

namespace CityTwin.Grains.Tests.Alarms;

/// <summary>The alarm lifecycle, floods, chatter, escalation and shelving on the pure alarm book.</summary>
public sealed class AlarmBookTests
{
    private const string Gu = "g1";
    private static readonly DateTimeOffset Sim = new(2026, 7, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Wall = new(2026, 12, 7, 6, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, AlarmRule> Rules = new()
    {
        ["vc"] = new AlarmRule { Id = "vc", Name = "Road v/c", Severity = AlarmSeverity.Minor, Service = ServiceArea.Traffic },
        ["flood"] = new AlarmRule { Id = "flood-high", Name = "Flood", Severity = AlarmSeverity.Critical, Service = ServiceArea.Disaster },
    };

    private static AlarmBook NewBook(AlarmBookOptions? options = null) => new(Gu, options ?? new AlarmBookOptions(), new AlarmBookState());

    private static void Apply(AlarmBook book, string dong, DateTimeOffset wall, params (string Rule, string Source, bool Raise)[] transitions) =>
        book.Apply(new AlarmTransitionBatch(dong, Sim, [.. transitions.Select(t => new AlarmTransition(t.Rule, t.Source, t.Raise, 1.2, Sim))]),
            Rules.GetValueOrDefault, s => new AlarmSourceInfo(s.StartsWith("flood", StringComparison.Ordinal) ? "flood" : "road", dong), wall);

    private static AlarmView Only(AlarmBook book) => Assert.Single(book.Query(new AlarmQuery()));

    [Fact]
    public void A_repeat_raises_the_count_and_keeps_first_and_last_occurrence()
    {
        var book = NewBook();
        book.Apply(new AlarmTransitionBatch("d1", Sim, [new AlarmTransition("vc", "r1", true, 1.1, Sim)]), Rules.GetValueOrDefault, _ => new("road", "d1"), Wall);
        book.Apply(new AlarmTransitionBatch("d1", Sim, [new AlarmTransition("vc", "r1", false, 0.8, Sim.AddMinutes(5))]), Rules.GetValueOrDefault, _ => new("road", "d1"), Wall);
        Assert.Equal(AlarmState.ClearedUnacknowledged, Only(book).State);
        book.Apply(new AlarmTransitionBatch("d1", Sim, [new AlarmTransition("vc", "r1", true, 1.3, Sim.AddMinutes(9))]), Rules.GetValueOrDefault, _ => new("road", "d1"), Wall);
        var alarm = Only(book);
        Assert.Equal((AlarmState.ActiveUnacknowledged, 2, Sim, Sim.AddMinutes(9), 1.3), (alarm.State, alarm.Count, alarm.FirstAt, alarm.LastAt, alarm.Value));
        Assert.Equal(("Road v/c", AlarmSeverity.Minor, ServiceArea.Traffic, "d1", Gu), (alarm.RuleName, alarm.Severity, alarm.Service, alarm.DongCode, alarm.GuCode));
        Assert.StartsWith($"{Gu}-", alarm.Id, StringComparison.Ordinal);
        // A restatement of a condition that is already active is not a repeat.
        Apply(book, "d1", Wall, ("vc", "r1", true));
        Assert.Equal(2, Only(book).Count);
    }

    [Fact]
    public void Lifecycle_follows_ISA_18_2_and_every_action_lands_in_the_timeline()
    {
        var book = NewBook();
        Apply(book, "d1", Wall, ("vc", "r1", true));
        var id = Only(book).Id;
        Assert.Null(book.Act(id, new AlarmAction(AlarmActionType.Unshelve, "op"), Wall).Alarm);
        var acked = book.Act(id, new AlarmAction(AlarmActionType.Acknowledge, "op", "seen"), Wall.AddMinutes(1)).Alarm!;
        Assert.Equal((AlarmState.ActiveAcknowledged, "op"), (acked.Alarm.State, acked.Alarm.AcknowledgedBy));
        Assert.NotNull(book.Act(id, new AlarmAction(AlarmActionType.Acknowledge, "op"), Wall).Conflict);
        Assert.Equal("kim", book.Act(id, new AlarmAction(AlarmActionType.Assign, "op", "field team", AssignTo: "kim"), Wall.AddMinutes(2)).Alarm!.Alarm.AssignedTo);
        book.Act(id, new AlarmAction(AlarmActionType.Comment, "kim", "on site"), Wall.AddMinutes(3));
        var shelved = book.Act(id, new AlarmAction(AlarmActionType.Shelve, "op", "roadworks", ShelveUntil: Wall.AddHours(1)), Wall.AddMinutes(4)).Alarm!;
        Assert.Equal(Wall.AddHours(1), shelved.Alarm.ShelvedUntil);
        Assert.Equal(0, book.Summary(Wall.AddMinutes(4)).Active);
        Assert.Equal(1, book.Summary(Wall.AddMinutes(4)).Shelved);
        book.Act(id, new AlarmAction(AlarmActionType.Unshelve, "op"), Wall.AddMinutes(5));
        var resolved = book.Act(id, new AlarmAction(AlarmActionType.Resolve, "kim", "reset the signal"), Wall.AddMinutes(6)).Alarm!;
        Assert.Equal(AlarmState.Closed, resolved.Alarm.State);
        Assert.Equal(["raised", "acknowledged", "assigned", "commented", "shelved", "unshelved", "resolved"], resolved.Timeline.Select(e => e.Type));
        Assert.Equal([null, "op", "op", "kim", "op", "op", "kim"], resolved.Timeline.Select(e => e.Actor));
        Assert.Equal("reset the signal", resolved.Timeline[^1].Note);
        Assert.NotNull(book.Act(id, new AlarmAction(AlarmActionType.Resolve, "op"), Wall).Conflict);
        Assert.True(book.Act("g1-999", new AlarmAction(AlarmActionType.Acknowledge, "op"), Wall).NotFound);

        // Closed: the next occurrence is a new alarm.
        Apply(book, "d1", Wall, ("vc", "r1", false));
        Apply(book, "d1", Wall, ("vc", "r1", true));
        Assert.Equal(2, book.Query(new AlarmQuery()).Count);
    }

    [Fact]
    public void An_acknowledged_alarm_closes_when_it_clears_and_a_cleared_one_when_acknowledged()
    {
        var book = NewBook();
        Apply(book, "d1", Wall, ("vc", "r1", true), ("vc", "r2", true));
        var ids = book.Query(new AlarmQuery()).OrderBy(a => a.SourceId).Select(a => a.Id).ToArray();
        book.Act(ids[0], new AlarmAction(AlarmActionType.Acknowledge, "op"), Wall);
        Apply(book, "d1", Wall, ("vc", "r1", false), ("vc", "r2", false));
        Assert.Equal(AlarmState.Closed, book.Find(ids[0])!.State);
        Assert.Equal(AlarmState.ClearedUnacknowledged, book.Find(ids[1])!.State);
        book.Act(ids[1], new AlarmAction(AlarmActionType.Acknowledge, "op"), Wall);
        Assert.Equal(AlarmState.Closed, book.Find(ids[1])!.State);
    }

    [Fact]
    public void A_storm_in_a_dong_becomes_one_group_and_storms_in_several_dongs_one_gu_group()
    {
        var book = NewBook(new AlarmBookOptions { FloodThreshold = 10, GuFloodDongs = 3 });
        (string, string, bool)[] Storm(string dong, int n) => [.. Enumerable.Range(0, n).Select(i => ("vc", $"{dong}-r{i}", true))];
        Apply(book, "d1", Wall, Storm("d1", 9));
        Assert.Equal(9, book.Query(new AlarmQuery()).Count); // below the threshold: no group
        Apply(book, "d2", Wall, Storm("d2", 12));
        var top = book.Query(new AlarmQuery());
        var group = Assert.Single(top, a => a.IsGroup);
        Assert.Equal((12, "dong", "d2", AlarmState.ActiveUnacknowledged), (group.Children, group.SourceKind, group.SourceId, group.State));
        Assert.Equal(12, book.Query(new AlarmQuery { ParentId = group.Id }).Count);
        // While the flood lasts, the dong's next alarm joins it.
        Apply(book, "d2", Wall, ("flood", "flood-x", true));
        group = book.Query(new AlarmQuery()).Single(a => a.IsGroup);
        Assert.Equal((13, AlarmSeverity.Critical), (group.Children, group.Severity));

        Apply(book, "d3", Wall, Storm("d3", 10));
        Apply(book, "d4", Wall, Storm("d4", 10));
        top = book.Query(new AlarmQuery());
        var gu = Assert.Single(top, a => a.IsGroup);
        Assert.Equal(("gu", Gu, 3), (gu.SourceKind, gu.SourceId, gu.Children));
        Assert.Equal(10, top.Count); // the gu group and d1's nine
        Assert.Equal(1 + 9, book.Summary(Wall).RaisedLast10Minutes); // a flood counts once in the alarm rate

        // One acknowledgement handles the storm; the group clears when its last child does.
        book.Act(gu.Id, new AlarmAction(AlarmActionType.Acknowledge, "op", "storm"), Wall);
        Assert.All(book.Query(new AlarmQuery { ParentId = group.Id }), a => Assert.Equal(AlarmState.ActiveAcknowledged, a.State));
        Apply(book, "d2", Wall, [.. Storm("d2", 12).Select(t => (t.Item1, t.Item2, false)), ("flood", "flood-x", false)]);
        Assert.Equal(AlarmState.Closed, book.Find(group.Id)!.State);
        Assert.True(book.Find(gu.Id)!.IsActive);
    }

    [Fact]
    public void An_alarm_raised_three_times_within_a_minute_is_marked_chattering()
    {
        var book = NewBook();
        for (var i = 0; i < 2; i++)
        {
            Apply(book, "d1", Wall.AddSeconds(i * 20), ("vc", "r1", true));
            Assert.False(Only(book).Chattering);
            Apply(book, "d1", Wall.AddSeconds(i * 20 + 5), ("vc", "r1", false));
        }
        Apply(book, "d1", Wall.AddSeconds(50), ("vc", "r1", true));
        var alarm = Only(book);
        Assert.True(alarm.Chattering);
        Assert.Equal(3, alarm.Count);
        Assert.Contains(book.Find(alarm.Id)!.Timeline, e => e.Type == "chattering");
        // Chattering on: the count and last occurrence go on, the timeline keeps one line for the latest.
        var lines = book.Find(alarm.Id)!.Timeline.Count;
        for (var i = 0; i < 50; i++)
        {
            Apply(book, "d1", Wall.AddSeconds(60 + i), ("vc", "r1", false));
            Apply(book, "d1", Wall.AddSeconds(60 + i), ("vc", "r1", true));
        }
        var record = book.Find(alarm.Id)!;
        Assert.Equal((53, lines + 1), (record.Count, record.Timeline.Count));
        Assert.Equal(("repeated", AlarmBook.WhileChattering, Wall.AddSeconds(109)), (record.Timeline[^1].Type, record.Timeline[^1].Note, record.Timeline[^1].At));
        Assert.Empty(record.RecentRaises);

        var slow = NewBook();
        for (var i = 0; i < 4; i++)
        {
            Apply(slow, "d1", Wall.AddSeconds(i * 40), ("vc", "r1", true));
            Apply(slow, "d1", Wall.AddSeconds(i * 40 + 5), ("vc", "r1", false));
        }
        Assert.False(Only(slow).Chattering);
    }

    [Fact]
    public void A_critical_alarm_left_unacknowledged_is_escalated_and_shelving_expires()
    {
        var book = NewBook(new AlarmBookOptions { EscalateAfter = TimeSpan.FromMinutes(5) });
        Apply(book, "d1", Wall, ("flood", "flood-1", true), ("vc", "r1", true));
        book.Tick(Wall.AddMinutes(4));
        Assert.DoesNotContain(book.Query(new AlarmQuery()), a => a.Escalated);
        book.Tick(Wall.AddMinutes(5));
        var escalated = Assert.Single(book.Query(new AlarmQuery()), a => a.Escalated);
        Assert.Equal("flood-1", escalated.SourceId);

        var minor = book.Query(new AlarmQuery()).Single(a => a.SourceId == "r1").Id;
        book.Act(minor, new AlarmAction(AlarmActionType.Shelve, "op", "known", ShelveUntil: Wall.AddMinutes(30)), Wall);
        Assert.Equal([minor], book.Query(new AlarmQuery { Shelved = true }).Select(a => a.Id));
        book.Tick(Wall.AddMinutes(31));
        Assert.Null(book.Find(minor)!.ShelvedUntil);
        Assert.Equal("shelving expired", book.Find(minor)!.Timeline[^1].Note);
    }

    [Fact]
    public void A_restatement_clears_what_no_longer_holds_in_that_dong_only()
    {
        var book = NewBook();
        Apply(book, "d1", Wall, ("vc", "r1", true), ("vc", "r2", true));
        Apply(book, "d2", Wall, ("vc", "r3", true));
        book.Apply(new AlarmTransitionBatch("d1", Sim, [], ["vc|r2"]), Rules.GetValueOrDefault, _ => new("road", "d1"), Wall);
        var states = book.Query(new AlarmQuery()).ToDictionary(a => a.SourceId, a => a.State);
        Assert.Equal(AlarmState.ClearedUnacknowledged, states["r1"]);
        Assert.Equal(AlarmState.ActiveUnacknowledged, states["r2"]);
        Assert.Equal(AlarmState.ActiveUnacknowledged, states["r3"]);
    }

    [Fact]
    public void The_stored_state_reopens_as_the_same_book()
    {
        var book = NewBook();
        Apply(book, "d1", Wall, ("vc", "r1", true));
        var id = Only(book).Id;
        book.Act(id, new AlarmAction(AlarmActionType.Acknowledge, "op", "seen"), Wall);
        var json = System.Text.Json.JsonSerializer.Serialize(book.State, Hosting.JsonGrainStateSerializer.Options);
        var reopened = new AlarmBook(Gu, new AlarmBookOptions(), System.Text.Json.JsonSerializer.Deserialize<AlarmBookState>(json, Hosting.JsonGrainStateSerializer.Options)!);
        Assert.Equal(AlarmState.ActiveAcknowledged, Only(reopened).State);
        Apply(reopened, "d1", Wall, ("vc", "r1", true), ("vc", "r2", true));
        var ids = reopened.Query(new AlarmQuery()).Select(a => a.Id).Order().ToArray();
        Assert.Equal([id, $"{Gu}-2"], ids);
    }

    [Fact]
    public void Alarms_raised_by_the_first_evaluation_after_start_up_do_not_count_toward_the_alarm_rate()
    {
        var book = NewBook();
        // Start-up: one dong restates a flood of 12 conditions, another a single one.
        var storm = Enumerable.Range(0, 12).Select(i => new AlarmTransition("vc", $"r{i}", true, 1.2, Sim)).ToList();
        book.Apply(new AlarmTransitionBatch("d1", Sim, storm, [.. storm.Select(t => AlarmEvaluator.Key(t.RuleId, t.SourceId))], StartUp: true), Rules.GetValueOrDefault, _ => new("road", "d1"), Wall);
        book.Apply(new AlarmTransitionBatch("d2", Sim, [new AlarmTransition("flood", "flood-1", true, 40, Sim)], ["flood|flood-1"], StartUp: true), Rules.GetValueOrDefault, _ => new("flood", "d2"), Wall);
        var summary = book.Summary(Wall);
        Assert.Equal((13, 0), (summary.Active, summary.RaisedLast10Minutes));
        Assert.Contains(book.Query(new AlarmQuery()), a => a.IsGroup); // still grouped as a flood

        // After start-up new alarms count as before, and a start-up alarm that repeats stays uncounted.
        Apply(book, "d2", Wall.AddMinutes(1), ("vc", "r-new", true));
        Apply(book, "d2", Wall.AddMinutes(1), ("flood", "flood-1", false));
        Apply(book, "d2", Wall.AddMinutes(2), ("flood", "flood-1", true));
        Assert.Equal(1, book.Summary(Wall.AddMinutes(2)).RaisedLast10Minutes);
    }
}
