using System.Runtime.Serialization;

namespace CityTwin.Web.Alarms;

/// <summary>
/// The SignalR <c>alarmSummary</c> frame every map client gets after alarms change, wherever it
/// looks: the counts of <c>GET /api/alarms/summary</c> for the header chip and the list, and
/// <c>newCritical</c>, critical alarms raised (or back again) anywhere in the city since the last
/// frame, which give the sound and visual cue.
/// </summary>
[DataContract]
public sealed record AlarmSummaryFrame(
    [property: DataMember(Name = "active")] int Active,
    [property: DataMember(Name = "unacknowledged")] int Unacknowledged,
    [property: DataMember(Name = "critical")] int Critical,
    [property: DataMember(Name = "shelved")] int Shelved,
    [property: DataMember(Name = "raisedLast10Minutes")] int RaisedLast10Minutes,
    [property: DataMember(Name = "operatorsOnDuty")] int OperatorsOnDuty,
    [property: DataMember(Name = "ratePerOperator")] double RatePerOperator,
    [property: DataMember(Name = "overloaded")] bool Overloaded,
    [property: DataMember(Name = "newCritical")] int NewCritical)
{
    public static AlarmSummaryFrame Of(AlarmSummaryResponse s, int newCritical) =>
        new(s.Active, s.Unacknowledged, s.Critical, s.Shelved, s.RaisedLast10Minutes, s.OperatorsOnDuty, s.RatePerOperator, s.Overloaded, newCritical);
}
