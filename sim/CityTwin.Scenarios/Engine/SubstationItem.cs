namespace CityTwin.Scenarios.Engine;

/// <summary>
/// A substation of a district plan: its <see cref="Share"/> of the dong's served population (it
/// takes that share of the dong's added EV charging and new PV), the capacity added to it and the
/// range of its demand-response windows. Mutable while the plan is built (see <see cref="RoadItem"/>).
/// </summary>
internal struct SubstationItem
{
    public int Asset;
    public int Slot;
    public int Dong;
    public double Share;
    public double ExtraCapacityMw;
    public int WindowStart;
    public int WindowEnd;
}
