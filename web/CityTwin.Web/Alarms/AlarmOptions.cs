namespace CityTwin.Web.Alarms;

/// <summary>Settings of the control room's web side (section <c>Alarms</c>, shared with the silo's book settings).</summary>
public sealed class AlarmOptions
{
    public const string Section = "Alarms";

    /// <summary>Operators on duty: the alarm rate is shown per operator.</summary>
    public int OperatorsOnDuty { get; set; } = 1;

    /// <summary>Alarms per 10 minutes per operator above which the control room is overloaded (ISA-18.2: about 10).</summary>
    public double OverloadRate { get; set; } = 10;
}
