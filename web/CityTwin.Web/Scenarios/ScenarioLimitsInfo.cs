namespace CityTwin.Web.Scenarios;

/// <summary>The horizon and step bounds a definition must respect.</summary>
public sealed record ScenarioLimitsInfo(double MinHorizonHours, double MaxHorizonHours, double MinStepMinutes, double MaxStepMinutes, int MaxSteps);
