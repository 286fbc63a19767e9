using CityTwin.Abstractions.Tours;

namespace CityTwin.Grains.Tours;

/// <summary>Stored state of <see cref="TourSessionGrain"/>: the session survives a silo's loss.</summary>
[GenerateSerializer, Alias("CityTwin.TourSessionState")]
public sealed class TourSessionState
{
    /// <summary>Null before the session starts and after it ends.</summary>
    [Id(0)] public TourSessionView? Session { get; set; }
}
