namespace CityTwin.Scenarios.Engine;

/// <summary>A flood sensor of a district plan with the share of its runoff left after green roofs and permeable paving.</summary>
internal struct FloodItem
{
    public int Asset;
    public int Slot;
    public int Dong;
    public double RunoffFactor;
}
