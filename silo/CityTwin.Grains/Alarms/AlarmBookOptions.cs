namespace CityTwin.Grains.Alarms;

/// <summary>Settings of the alarm books (section <c>Alarms</c>).</summary>
public sealed class AlarmBookOptions
{
    public const string Section = "Alarms";

    /// <summary>New alarms from one dong in one batch at or above which they are grouped under one flood alarm.</summary>
    public int FloodThreshold { get; set; } = 10;

    /// <summary>Open dong flood groups in one gu at or above which they are grouped under one gu flood alarm.</summary>
    public int GuFloodDongs { get; set; } = 3;

    /// <summary>Raises of one alarm within <see cref="ChatterWindow"/> that mark it chattering (ISA-18.2: 3 in 60 s).</summary>
    public int ChatterRaises { get; set; } = 3;

    public TimeSpan ChatterWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a critical alarm may stay unacknowledged before it is escalated.</summary>
    public TimeSpan EscalateAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often books push batched changes, escalate and end expired shelving.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How often a book writes what telemetry changed (raises, repeats, clears) to the store. Each
    /// write stores the whole book, so under an alarm storm this is the books' main cost; what is
    /// lost between writes is restated by the dongs' evaluators after a restart. Operator actions
    /// are written before they are answered, whatever this says.
    /// </summary>
    public TimeSpan StoreInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How often a silo sends the alarm transitions its dongs and gus posted, one call per gu's book
    /// (so a storm costs a few calls, not one per dong per batch).
    /// </summary>
    public TimeSpan SendInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Batches a silo holds for one book before it drops them and has their areas restate (a book far behind).</summary>
    public int MaxPendingBatches { get; set; } = 10_000;

    /// <summary>Closed alarms each book keeps (oldest dropped first).</summary>
    public int MaxClosed { get; set; } = 2000;

    /// <summary>Timeline entries kept per alarm (the first is always kept).</summary>
    public int MaxTimeline { get; set; } = 100;
}
