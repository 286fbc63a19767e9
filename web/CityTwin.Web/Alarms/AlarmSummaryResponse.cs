using CityTwin.Abstractions.Alarms;

namespace CityTwin.Web.Alarms;

/// <summary>
/// The control room's counts: open alarms (flood groups not counted twice), unacknowledged,
/// critical, shelved, and the alarm rate: alarms raised in the last 10 minutes (a flood group
/// counts once) per operator on duty; <c>overloaded</c> above 10 (ISA-18.2's manageable rate).
/// </summary>
public sealed record AlarmSummaryResponse(int Active, int Unacknowledged, int Critical, int Shelved,
    int RaisedLast10Minutes, int OperatorsOnDuty, double RatePerOperator, bool Overloaded)
{
    /// <summary>The books' counts with the rate per operator on duty.</summary>
    public static AlarmSummaryResponse From(AlarmBookSummary s, AlarmOptions options)
    {
        var operators = Math.Max(1, options.OperatorsOnDuty);
        var rate = Math.Round((double)s.RaisedLast10Minutes / operators, 1);
        return new AlarmSummaryResponse(s.Active, s.Unacknowledged, s.Critical, s.Shelved, s.RaisedLast10Minutes, operators, rate, rate > options.OverloadRate);
    }
}
