namespace CityTwin.Scenarios.Engine;

/// <summary>
/// A vehicle road asset of a district plan with its what-if changes. A mutable struct because
/// interventions are folded into it one by one while the plan is built and the step loop reads it
/// by reference millions of times.
/// </summary>
internal struct RoadItem
{
    public int Asset;
    public int Slot;
    public int Dong;
    public double LengthKm;
    public double FreeFlowKmh;
    public double FlowFactor;
    public double CapacityFactor;
    public bool Closed;

    /// <summary>Share of a closed road's traffic that reroutes (the rest is not driven).</summary>
    public double Rerouted;

    /// <summary>Range of this road's incoming diversions in the plan's diversion arrays.</summary>
    public int DiversionStart;
    public int DiversionEnd;

    /// <summary>Nothing changes this road: under the same conditions its scenario values are its baseline values.</summary>
    public readonly bool Unchanged => !Closed && FlowFactor == 1 && CapacityFactor == 1 && DiversionEnd == DiversionStart;
}
