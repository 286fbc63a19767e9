namespace CityTwin.Scenarios.Engine;

/// <summary>A streetlight circuit of a district plan: its LED watt factor and the range of its dimming windows.</summary>
internal struct LightItem
{
    public int Asset;
    public int Slot;
    public int Dong;
    public double WattFactor;
    public int WindowStart;
    public int WindowEnd;
}
