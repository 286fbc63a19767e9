namespace CityTwin.Web.Indicators;

/// <summary>Which way an indicator improves.</summary>
public enum IndicatorDirection
{
    LowerIsBetter,
    HigherIsBetter,
}
