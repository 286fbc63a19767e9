using CityTwin.Abstractions.Alarms;

namespace CityTwin.Grains.Alarms;

/// <summary>
/// One gu's alarms and their lifecycle (ISA-18.2): raise, repeat, clear, acknowledge, assign,
/// comment, shelve, resolve; flood groups per dong and per gu; chatter; escalation. Pure: the
/// caller gives the time and stores <see cref="State"/>; <see cref="TakeChanged"/> says which
/// alarms to push.
/// </summary>
public sealed class AlarmBook
{
    public const string FloodRuleId = "flood";
    private static readonly TimeSpan RateWindow = TimeSpan.FromMinutes(10);
    /// <summary>Note of the one timeline line that a chattering alarm's latest raise or clear keeps rewriting.</summary>
    public const string WhileChattering = "latest while chattering";

    private readonly string _guCode;
    private readonly AlarmBookOptions _options;
    private readonly Dictionary<string, AlarmRecord> _byId = new(StringComparer.Ordinal);
    // Not-closed alarms by rule|source: one open alarm per source and rule.
    private readonly Dictionary<string, AlarmRecord> _open = new(StringComparer.Ordinal);
    private readonly HashSet<string> _changed = new(StringComparer.Ordinal);

    public AlarmBook(string guCode, AlarmBookOptions options, AlarmBookState state)
    {
        _guCode = guCode;
        _options = options;
        State = state;
        foreach (var r in state.Alarms)
        {
            _byId[r.Id] = r;
            if (r.State != AlarmState.Closed) _open[r.Key] = r;
        }
    }

    public AlarmBookState State { get; }

    /// <summary>Ids changed since the last call.</summary>
    public IReadOnlyList<AlarmView> TakeChanged()
    {
        var views = new List<AlarmView>(_changed.Count);
        foreach (var id in _changed)
            if (_byId.TryGetValue(id, out var r)) views.Add(r.ToView());
        _changed.Clear();
        return views;
    }

    public AlarmRecord? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Applies one area's transitions (and, with <see cref="AlarmTransitionBatch.Holding"/>, clears what no longer holds).</summary>
    public void Apply(AlarmTransitionBatch batch, Func<string, AlarmRule?> rules, Func<string, AlarmSourceInfo> sources, DateTimeOffset now)
    {
        var created = new List<AlarmRecord>();
        foreach (var t in batch.Transitions)
        {
            if (t.Raise) Raise(t, rules, sources, now, created);
            else if (_open.TryGetValue(AlarmEvaluator.Key(t.RuleId, t.SourceId), out var r)) Clear(r, t.Value, t.At, now);
        }
        if (batch.Holding is { } holding)
        {
            var held = new HashSet<string>(holding, StringComparer.Ordinal);
            var isGu = batch.AreaCode == _guCode;
            foreach (var r in _open.Values.ToList())
            {
                if (r.IsGroup || !r.IsActive || held.Contains(r.Key)) continue;
                var fromArea = isGu ? r.SourceKind == "gu" && r.SourceId == batch.AreaCode : r.DongCode == batch.AreaCode && r.SourceKind != "gu";
                if (fromArea) Clear(r, r.Value, batch.At, now);
            }
        }
        if (batch.StartUp) foreach (var r in created) r.AtStartUp = true;
        if (created.Count > 0 && batch.AreaCode != _guCode) Group(batch.AreaCode, created, batch.At, now, batch.StartUp);
    }

    /// <summary>An operator's action; the caller stores the state before it answers.</summary>
    public AlarmActionOutcome Act(string id, AlarmAction action, DateTimeOffset now)
    {
        if (!_byId.TryGetValue(id, out var r)) return new AlarmActionOutcome(null, NotFound: true);
        var closed = r.State == AlarmState.Closed;
        switch (action.Type)
        {
            case AlarmActionType.Acknowledge:
                if (r.State is not (AlarmState.ActiveUnacknowledged or AlarmState.ClearedUnacknowledged))
                    return Refuse($"alarm {id} is not unacknowledged");
                Acknowledge(r, action, now);
                break;
            case AlarmActionType.Assign:
                if (closed) return Refuse($"alarm {id} is closed");
                r.AssignedTo = action.AssignTo;
                Log(r, "assigned", now, action.Actor, Join(action.AssignTo, action.Note));
                break;
            case AlarmActionType.Comment:
                Log(r, "commented", now, action.Actor, action.Note);
                break;
            case AlarmActionType.Shelve:
                if (closed) return Refuse($"alarm {id} is closed");
                r.ShelvedUntil = action.ShelveUntil;
                r.ShelveReason = action.Note;
                Log(r, "shelved", now, action.Actor, Join(action.ShelveUntil?.ToString("u"), action.Note));
                break;
            case AlarmActionType.Unshelve:
                if (r.ShelvedUntil is null) return Refuse($"alarm {id} is not shelved");
                Unshelve(r, now, action.Actor, action.Note);
                break;
            case AlarmActionType.Resolve:
                if (closed) return Refuse($"alarm {id} is already closed");
                Resolve(r, action, now);
                break;
        }
        Touch(r, now);
        UpdateParents(r, r.LastAt, now);
        return new AlarmActionOutcome(r.ToDetail());

        static AlarmActionOutcome Refuse(string why) => new(null, Conflict: why);
    }

    /// <summary>Escalates critical alarms left unacknowledged, ends expired shelving, drops the oldest closed alarms.</summary>
    public void Tick(DateTimeOffset now)
    {
        foreach (var r in _open.Values)
        {
            if (r.ShelvedUntil is { } until && until <= now) Unshelve(r, now, null, "shelving expired");
            if (!r.Escalated && r.Severity == AlarmSeverity.Critical && r.State == AlarmState.ActiveUnacknowledged && now - r.RaisedAt >= _options.EscalateAfter)
            {
                r.Escalated = true;
                Log(r, "escalated", now, null, $"unacknowledged for {(int)(now - r.RaisedAt).TotalMinutes} min");
                Touch(r, now);
            }
        }
        var closed = State.Alarms.Count - _open.Count;
        if (closed <= _options.MaxClosed) return;
        var drop = State.Alarms.Where(a => a.State == AlarmState.Closed).OrderBy(a => a.UpdatedAt).Take(closed - _options.MaxClosed)
            .Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        State.Alarms.RemoveAll(a => drop.Contains(a.Id));
        foreach (var id in drop) _byId.Remove(id);
    }

    public IReadOnlyList<AlarmView> Query(AlarmQuery q)
    {
        var result = new List<AlarmView>();
        foreach (var r in State.Alarms)
        {
            if (q.ParentId is not null ? r.ParentId != q.ParentId : (!q.IncludeChildren && r.ParentId is not null)) continue;
            if (q.States is { Count: > 0 } states && !states.Contains(r.State)) continue;
            if (q.Shelved is { } shelved && (r.ShelvedUntil is not null) != shelved) continue;
            if (q.Severities is { Count: > 0 } severities && !severities.Contains(r.Severity)) continue;
            if (q.Services is { Count: > 0 } services && !services.Contains(r.Service)) continue;
            if (q.Area is { } area && r.GuCode != area && r.DongCode != area) continue;
            if (q.From is { } from && r.LastAt < from) continue;
            if (q.To is { } to && r.FirstAt > to) continue;
            result.Add(r.ToView());
        }
        return result;
    }

    public AlarmBookSummary Summary(DateTimeOffset now)
    {
        int active = 0, unacked = 0, critical = 0, shelved = 0, recent = 0;
        foreach (var r in State.Alarms)
        {
            // What was already there at start-up is not a rate an operator has to keep up with.
            if (r.ParentId is null && !r.AtStartUp && now - r.CreatedAt <= RateWindow) recent++;
            if (r.IsGroup || r.State == AlarmState.Closed) continue;
            if (r.ShelvedUntil is not null)
            {
                shelved++;
                continue;
            }
            if (r.IsActive) active++;
            if (r.State is AlarmState.ActiveUnacknowledged or AlarmState.ClearedUnacknowledged) unacked++;
            if (r.IsActive && r.Severity == AlarmSeverity.Critical) critical++;
        }
        return new AlarmBookSummary(active, unacked, critical, shelved, recent);
    }

    private void Raise(AlarmTransition t, Func<string, AlarmRule?> rules, Func<string, AlarmSourceInfo> sources, DateTimeOffset now, List<AlarmRecord> created)
    {
        if (_open.TryGetValue(AlarmEvaluator.Key(t.RuleId, t.SourceId), out var r))
        {
            r.Value = t.Value;
            if (!r.IsActive)
            {
                // A repeat: the same source and rule again before anyone closed the alarm. Its
                // flood group may have been resolved meanwhile: then it stands on its own again.
                if (r.ParentId is { } parentId && _byId.TryGetValue(parentId, out var parent) && parent.State == AlarmState.Closed)
                    r.ParentId = null;
                r.State = AlarmState.ActiveUnacknowledged;
                r.Count++;
                r.LastAt = t.At;
                r.ClearedAt = null;
                r.RaisedAt = now;
                r.Escalated = false;
                LogOccurrence(r, "repeated", now, t.Value, t.At);
                Chatter(r, now);
            }
            Touch(r, now);
            UpdateParents(r, t.At, now);
            return;
        }
        var rule = rules(t.RuleId);
        var source = sources(t.SourceId);
        r = NewAlarm(t.RuleId, rule?.Name ?? t.RuleId, t.SourceId, source.Kind, source.DongCode,
            rule?.Severity ?? AlarmSeverity.Minor, rule?.Service ?? ServiceArea.Facilities, t.At, now);
        r.Value = t.Value;
        r.RecentRaises.Add(now);
        Log(r, "raised", now, null, null, t.Value, t.At);
        created.Add(r);
    }

    private void Clear(AlarmRecord r, double value, DateTimeOffset at, DateTimeOffset now)
    {
        if (!r.IsActive) return;
        r.Value = value;
        r.ClearedAt = at;
        LogOccurrence(r, "cleared", now, value, at);
        if (r.State == AlarmState.ActiveAcknowledged) Close(r);
        else r.State = AlarmState.ClearedUnacknowledged;
        Touch(r, now);
        UpdateParents(r, at, now);
    }

    private void Acknowledge(AlarmRecord r, AlarmAction action, DateTimeOffset now)
    {
        r.AcknowledgedBy = action.Actor;
        r.AcknowledgedAt = now;
        Log(r, "acknowledged", now, action.Actor, action.Note);
        if (r.State == AlarmState.ClearedUnacknowledged) Close(r);
        else r.State = AlarmState.ActiveAcknowledged;
        // Acknowledging a flood acknowledges what it stands for: one action for the storm.
        foreach (var child in Children(r))
        {
            if (child.State is not (AlarmState.ActiveUnacknowledged or AlarmState.ClearedUnacknowledged)) continue;
            Acknowledge(child, action with { Note = Join($"with {r.Id}", action.Note) }, now);
            Touch(child, now);
        }
    }

    private void Resolve(AlarmRecord r, AlarmAction action, DateTimeOffset now)
    {
        Log(r, "resolved", now, action.Actor, action.Note);
        Close(r);
        foreach (var child in Children(r))
        {
            if (child.State == AlarmState.Closed) continue;
            Resolve(child, action with { Note = Join($"with {r.Id}", action.Note) }, now);
            Touch(child, now);
        }
    }

    private void Unshelve(AlarmRecord r, DateTimeOffset now, string? actor, string? note)
    {
        r.ShelvedUntil = null;
        r.ShelveReason = null;
        Log(r, "unshelved", now, actor, note);
        Touch(r, now);
    }

    private void Close(AlarmRecord r)
    {
        r.State = AlarmState.Closed;
        if (_open.TryGetValue(r.Key, out var open) && ReferenceEquals(open, r)) _open.Remove(r.Key);
    }

    private void Chatter(AlarmRecord r, DateTimeOffset now)
    {
        // Once marked it stays marked: the raise times are no longer needed (nor stored).
        if (r.Chattering)
        {
            r.RecentRaises.Clear();
            return;
        }
        r.RecentRaises.Add(now);
        r.RecentRaises.RemoveAll(t => now - t > _options.ChatterWindow);
        if (r.Chattering || r.RecentRaises.Count < _options.ChatterRaises) return;
        r.Chattering = true;
        Log(r, "chattering", now, null, $"{r.RecentRaises.Count} raises in {_options.ChatterWindow.TotalSeconds:0} s");
        r.RecentRaises.Clear();
    }

    /// <summary>
    /// A storm: many new alarms from one dong in one batch, or any while its flood group is still
    /// active, go under one group; enough dong groups in the gu go under one gu group.
    /// </summary>
    private void Group(string dongCode, List<AlarmRecord> created, DateTimeOffset at, DateTimeOffset now, bool startUp)
    {
        _open.TryGetValue(AlarmEvaluator.Key(FloodRuleId, dongCode), out var group);
        if (group is not { IsActive: true } && created.Count < _options.FloodThreshold) return;
        if (group is null)
        {
            group = NewAlarm(FloodRuleId, "Alarm flood", dongCode, "dong", dongCode, AlarmSeverity.Minor, created[0].Service, at, now);
            group.IsGroup = true;
            group.AtStartUp = startUp;
            Log(group, "raised", now, null, $"{created.Count} alarms in one batch", created.Count, at);
        }
        foreach (var child in created)
        {
            child.ParentId = group.Id;
            group.ChildIds.Add(child.Id);
        }
        Recompute(group, at, now);
        if (group.ParentId is null) GroupGu(at, now, startUp);
        else if (_byId.TryGetValue(group.ParentId, out var parent)) Recompute(parent, at, now);
    }

    private void GroupGu(DateTimeOffset at, DateTimeOffset now, bool startUp)
    {
        var dongGroups = _open.Values.Where(a => a.IsGroup && a.SourceKind == "dong" && a.ParentId is null && a.IsActive).ToList();
        _open.TryGetValue(AlarmEvaluator.Key(FloodRuleId, _guCode), out var group);
        if (dongGroups.Count == 0 || (group is not { IsActive: true } && dongGroups.Count < _options.GuFloodDongs)) return;
        if (group is null)
        {
            group = NewAlarm(FloodRuleId, "Alarm flood", _guCode, "gu", null, AlarmSeverity.Minor, dongGroups[0].Service, at, now);
            group.IsGroup = true;
            group.AtStartUp = startUp;
            Log(group, "raised", now, null, $"floods in {dongGroups.Count} dongs", dongGroups.Count, at);
        }
        foreach (var g in dongGroups)
        {
            g.ParentId = group.Id;
            group.ChildIds.Add(g.Id);
            Touch(g, now);
        }
        Recompute(group, at, now);
    }

    private void UpdateParents(AlarmRecord r, DateTimeOffset at, DateTimeOffset now)
    {
        var parentId = r.ParentId;
        while (parentId is not null && _byId.TryGetValue(parentId, out var parent))
        {
            Recompute(parent, at, now);
            parentId = parent.ParentId;
        }
    }

    /// <summary>A group is active while any child is; its severity is its worst child's, its value the active children.</summary>
    private void Recompute(AlarmRecord group, DateTimeOffset at, DateTimeOffset now)
    {
        var active = 0;
        var worst = AlarmSeverity.Warning;
        foreach (var child in Children(group))
        {
            if (child.IsActive) active++;
            if (child.Severity > worst) worst = child.Severity;
        }
        group.Severity = worst;
        group.Value = active;
        if (at > group.LastAt) group.LastAt = at;
        if (active > 0 && !group.IsActive && group.State != AlarmState.Closed)
        {
            group.State = AlarmState.ActiveUnacknowledged;
            group.Count++;
            group.RaisedAt = now;
            group.ClearedAt = null;
            Log(group, "repeated", now, null, null, active, at);
        }
        else if (active == 0 && group.IsActive)
        {
            group.ClearedAt = at;
            Log(group, "cleared", now, null, null, 0, at);
            if (group.State == AlarmState.ActiveAcknowledged) Close(group);
            else group.State = AlarmState.ClearedUnacknowledged;
        }
        Touch(group, now);
    }

    private IEnumerable<AlarmRecord> Children(AlarmRecord r)
    {
        foreach (var id in r.ChildIds)
            if (_byId.TryGetValue(id, out var child)) yield return child;
    }

    private AlarmRecord NewAlarm(string ruleId, string ruleName, string sourceId, string kind, string? dongCode, AlarmSeverity severity, ServiceArea service, DateTimeOffset at, DateTimeOffset now)
    {
        var r = new AlarmRecord
        {
            Id = $"{_guCode}-{++State.Sequence}",
            RuleId = ruleId, RuleName = ruleName, SourceId = sourceId, SourceKind = kind, GuCode = _guCode, DongCode = dongCode,
            Severity = severity, Service = service, State = AlarmState.ActiveUnacknowledged,
            FirstAt = at, LastAt = at, RaisedAt = now, CreatedAt = now, UpdatedAt = now,
        };
        State.Alarms.Add(r);
        _byId[r.Id] = r;
        _open[r.Key] = r;
        _changed.Add(r.Id);
        return r;
    }

    private void Touch(AlarmRecord r, DateTimeOffset now)
    {
        r.UpdatedAt = now;
        _changed.Add(r.Id);
    }

    /// <summary>
    /// A raise or clear in the timeline. A chattering alarm raises and clears many times a minute:
    /// its count and last occurrence say how often, and its timeline keeps one line for the latest
    /// one instead of growing (and being stored) by two lines a cycle.
    /// </summary>
    private void LogOccurrence(AlarmRecord r, string type, DateTimeOffset now, double value, DateTimeOffset at)
    {
        if (!r.Chattering)
        {
            Log(r, type, now, null, null, value, at);
            return;
        }
        if (r.Timeline.Count > 1 && r.Timeline[^1].Note == WhileChattering) r.Timeline.RemoveAt(r.Timeline.Count - 1);
        Log(r, type, now, null, WhileChattering, value, at);
    }

    private void Log(AlarmRecord r, string type, DateTimeOffset now, string? actor, string? note, double? value = null, DateTimeOffset? simAt = null)
    {
        // A chattering alarm would grow its timeline without bound: keep the first entry and the latest ones.
        if (r.Timeline.Count >= _options.MaxTimeline) r.Timeline.RemoveAt(1);
        r.Timeline.Add(new AlarmEvent(type, now, actor, note, value, simAt));
    }

    private static string? Join(string? a, string? b) =>
        string.IsNullOrWhiteSpace(a) ? b : string.IsNullOrWhiteSpace(b) ? a : $"{a}: {b}";
}
