namespace CityTwin.Grains.History;

/// <summary>
/// Which clock timeline a grain is on (see <see cref="Abstractions.Clock.ClockState"/>). A message
/// from a newer timeline starts it over; one from an older timeline is from a future the trainer
/// abandoned and is dropped; 0 (unstamped) belongs to the current one.
/// </summary>
public sealed class TimelineTracker
{
    public int Current { get; private set; }

    public TimelineAdmission Admit(int timeline)
    {
        if (timeline == 0 || timeline == Current) return TimelineAdmission.Current;
        if (timeline < Current) return TimelineAdmission.Abandoned;
        Current = timeline;
        return TimelineAdmission.Started;
    }
}
