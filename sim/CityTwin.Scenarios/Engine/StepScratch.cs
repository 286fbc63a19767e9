namespace CityTwin.Scenarios.Engine;

/// <summary>Working arrays of one thread evaluating steps of a district: reused step after step so a step allocates nothing.</summary>
internal sealed class StepScratch
{
    public StepScratch(int dongs, int channels, int closedRoads, int windows)
    {
        BaseAcc = new double[dongs * channels];
        ScenarioAcc = new double[dongs * channels];
        BaseRoadVkm = new double[dongs];
        ScenarioRoadVkm = new double[dongs];
        TrafficFactor = new double[dongs];
        EvMw = new double[dongs];
        NewPvMw = new double[dongs];
        ClosedFlow = new double[closedRoads];
        WindowFactor = new double[windows];
    }

    /// <summary>Channel sums of the step per dong, dong-major.</summary>
    public double[] BaseAcc { get; }
    public double[] ScenarioAcc { get; }

    /// <summary>Vehicle-km per hour on the dong's modelled road assets.</summary>
    public double[] BaseRoadVkm { get; }
    public double[] ScenarioRoadVkm { get; }

    /// <summary>Scenario over baseline road vehicle-km of the dong.</summary>
    public double[] TrafficFactor { get; }

    public double[] EvMw { get; }
    public double[] NewPvMw { get; }

    /// <summary>Flow each closed road would have carried, veh/h.</summary>
    public double[] ClosedFlow { get; }

    /// <summary>Factor of each daily window at the step (1 outside the window).</summary>
    public double[] WindowFactor { get; }
}
