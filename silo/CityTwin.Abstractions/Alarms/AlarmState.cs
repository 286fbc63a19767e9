namespace CityTwin.Abstractions.Alarms;

/// <summary>ISA-18.2 alarm states; shelving is kept beside the state (a shelved alarm keeps its state).</summary>
public enum AlarmState
{
    ActiveUnacknowledged = 0,
    ActiveAcknowledged = 1,
    ClearedUnacknowledged = 2,
    Closed = 3,
}
