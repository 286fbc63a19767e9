namespace CityTwin.Scenarios.Engine;

/// <summary>Working arrays of one thread evaluating steps of a district: reused step after step so a step allocates nothing.</summary>
internal sealed class StepScratch
{
    public StepScratch(int dongs, int channels, int roads, int closedRoads, int windows)
    {
        RoadDayFactor = new double[roads];
        RoadKnotA = new double[roads];
        RoadKnotB = new double[roads];
        BaseAcc = new double[dongs * channels];
        ScenarioAcc = new double[dongs * channels];
        BaseRoadVkm = new double[dongs];
        ScenarioRoadVkm = new double[dongs];
        TrafficFactor = new double[dongs];
        EvMw = new double[dongs];
        NewPvMw = new double[dongs];
        LightDeltaMw = new double[dongs];
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

    /// <summary>Scenario minus baseline streetlight power of the dong, MW: the lights' change in the grid balance.</summary>
    public double[] LightDeltaMw { get; }

    /// <summary>Flow each closed road would have carried, veh/h.</summary>
    public double[] ClosedFlow { get; }

    /// <summary>Local day of <see cref="RoadDayFactor"/>: a road's day factor changes once a day.</summary>
    public long RoadDay { get; set; } = long.MinValue;

    public double[] RoadDayFactor { get; }

    /// <summary>Noise knot index of <see cref="RoadKnotA"/> (<see cref="RoadKnotB"/> holds the next): knots change every 5 minutes.</summary>
    public long RoadKnot { get; set; } = long.MinValue;

    public double[] RoadKnotA { get; set; }
    public double[] RoadKnotB { get; set; }

    /// <summary>Factor of each daily window at the step (1 outside the window).</summary>
    public double[] WindowFactor { get; }
}
