namespace CityTwin.Web.Alarms;

/// <summary>
/// The control room's counts: open alarms (flood groups not counted twice), unacknowledged,
/// critical, shelved, and the alarm rate: alarms raised in the last 10 minutes (a flood group
/// counts once) per operator on duty; <c>overloaded</c> above 10 (ISA-18.2's manageable rate).
/// </summary>
public sealed record AlarmSummaryResponse(int Active, int Unacknowledged, int Critical, int Shelved,
    int RaisedLast10Minutes, int OperatorsOnDuty, double RatePerOperator, bool Overloaded);
