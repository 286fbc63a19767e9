namespace CityTwin.Grains.History;

/// <summary>What a grain does with a message, given the timeline it was made in.</summary>
public enum TimelineAdmission
{
    /// <summary>Same timeline (or unstamped): the usual rules apply, late messages included.</summary>
    Current,
    /// <summary>A newer timeline: forget lateness and the future held, then apply.</summary>
    Started,
    /// <summary>An older timeline: drop it.</summary>
    Abandoned,
}
