namespace CityTwin.Scenarios.Engine;

/// <summary>A mapped building of a district plan with the rooftop PV a scenario adds to it.</summary>
internal struct BuildingItem
{
    public int Asset;
    public int Slot;
    public int Dong;
    public double AddedKwp;
}
