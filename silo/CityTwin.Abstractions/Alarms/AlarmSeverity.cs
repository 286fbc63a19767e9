namespace CityTwin.Abstractions.Alarms;

/// <summary>How urgent an alarm is (ISA-18.2 priorities). Higher numbers sort first in the control room.</summary>
public enum AlarmSeverity
{
    Warning = 0,
    Minor = 1,
    Major = 2,
    Critical = 3,
}
