using CityTwin.Model.City;
using CityTwin.Abstractions.Scenarios.Definitions;
using CityTwin.Model.Physics;
using CityTwin.Scenarios.Definitions;

namespace CityTwin.Scenarios.Engine;

/// <summary>
/// City-wide conditions at every step of a definition, for the baseline and the scenario. They
/// are the same for every district, so the engine computes them once and shares them. Both runs
/// see the same weather (the imposed conditions when there are any), so the scenario array holds the
/// very same objects as the baseline, which lets the step evaluation skip assets that no
/// intervention touches.
/// </summary>
internal sealed class ConditionsTimeline
{
    private ConditionsTimeline(CityConditions[] baseline, CityConditions[] scenario)
    {
        Baseline = baseline;
        Scenario = scenario;
        BaselineDry = [.. baseline.Select(IsDry)];
        ScenarioDry = [.. scenario.Select(IsDry)];
    }

    public CityConditions[] Baseline { get; }
    public CityConditions[] Scenario { get; }

    /// <summary>No rain in the last three hours: every flood sensor reads zero (the flood model's dry case).</summary>
    public bool[] BaselineDry { get; }
    public bool[] ScenarioDry { get; }

    public int Count => Baseline.Length;

    public static ConditionsTimeline Build(CityPack city, int seed, DateTimeOffset start, TimeSpan step, int steps, ScenarioConditions? conditions)
    {
        var model = new ConditionsModel(city, seed);
        var seeded = new CityConditions[steps];
        for (var k = 0; k < steps; k++) seeded[k] = model.At(start + step * k);
        if (conditions is null || conditions.IsEmpty) return new ConditionsTimeline(seeded, seeded);

        var weather = new ScenarioWeather(model.Weather, start, conditions);
        var imposed = new CityConditions[steps];
        for (var k = 0; k < steps; k++) imposed[k] = model.At(start + step * k, weather.At);
        // The conditions are the weather of both runs: a baseline without them would charge the
        // weather's effect to the interventions.
        return new ConditionsTimeline(imposed, imposed);
    }

    private static bool IsDry(CityConditions c)
    {
        foreach (var r in c.RainHistoryMmH)
            if (r > 0) return false;
        return true;
    }
}
