namespace CityTwin.Scenarios.Catalog;

/// <summary>
/// Ids of the built-in intervention types (stable: they are stored in saved scenarios), for code that
/// names a type. The catalogue itself comes from the rules under Interventions/, which use these ids.
/// </summary>
public static class InterventionIds
{
    public const string RoadClosure = "road-closure";
    public const string BusLane = "bus-lane";
    public const string CongestionCharge = "congestion-charge";
    public const string LedRetrofit = "led-retrofit";
    public const string StreetlightDimming = "streetlight-dimming";
    public const string RooftopSolar = "rooftop-solar";
    public const string EvAdoption = "ev-adoption";
    public const string GreenRoofs = "green-roofs";
    public const string PermeablePaving = "permeable-paving";
    public const string DemandResponse = "demand-response";
    public const string SubstationCapacity = "substation-capacity";
}
