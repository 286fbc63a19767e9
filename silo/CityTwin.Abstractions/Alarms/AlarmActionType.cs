namespace CityTwin.Abstractions.Alarms;

/// <summary>What an operator does to an alarm.</summary>
public enum AlarmActionType
{
    Acknowledge = 0,
    Assign = 1,
    Comment = 2,
    Shelve = 3,
    Unshelve = 4,
    Resolve = 5,
}
