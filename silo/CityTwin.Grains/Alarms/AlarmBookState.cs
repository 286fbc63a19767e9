namespace CityTwin.Grains.Alarms;

/// <summary>Stored state of one <see cref="AlarmBookGrain"/>.</summary>
[GenerateSerializer, Alias("CityTwin.AlarmBookState")]
public sealed class AlarmBookState
{
    /// <summary>Last number given to an alarm of this book (ids are <c>{gu}-{seq}</c>).</summary>
    [Id(0)] public long Sequence { get; set; }
    [Id(1)] public List<AlarmRecord> Alarms { get; set; } = [];
}
