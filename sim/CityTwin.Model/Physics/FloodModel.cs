using CityTwin.Model.Specs;

namespace CityTwin.Model.Physics;

/// <summary>
/// Flood (water-level) sensors at low points: values [level_cm, rain_mmh].
/// <para>Rational-method balance over the last three hours (Q = C·i·A, runoff coefficients from the
/// ASCE/WPCF table): runoff = rain × impervious share (C). While runoff exceeds the drainage
/// capacity (mm/h, from the spec: the default city designs sewers for 77–90 mm/h at the trunk level,
/// street inlets for less; Incheon Ilbo and Kiho Ilbo reports) the excess ponds; when it falls below, the pond drains
/// at half the spare capacity. The pond depth over the catchment (mm) gathers at the low point:
/// level_cm = (ponded mm × 1 cm/mm + surcharge) × the spec's low-point factor, where a low point
/// collects the water of ~10× its own area (hence 1 cm of level per mm over the catchment) and the
/// surcharge is the backwater as the drain fills: 12 cm × (runoff of the last 30 min / drainage
/// capacity)³, so light rain barely registers and rain near the design capacity already backs up
/// to the warning level at the lowest points. The 1 cm/mm and 12 cm constants are assumptions
/// chosen so that the default city's 2–3 heaviest hours a year give warnings at the lowest points and only
/// design-exceeding storms (above ~60–90 mm/h) give alarms.</para>
/// Zero when dry. The rain history is re-evaluated from the weather model (a pure function of
/// time), so the sensor needs no stored state and a restarted simulator reads the same level.
/// </summary>
public sealed class FloodModel
{
    public const int HistoryStepMinutes = 10;

    /// <summary>Three hours: longer than any pond of the tuned storms takes to drain.</summary>
    public const int HistorySteps = 18;

    public const double CentimetresPerPondedMm = 1.0;
    public const double DrainFraction = 0.5;
    public const double SurchargeCm = 12.0;

    private readonly List<Sensor> _sensors = [];

    public int Count => _sensors.Count;

    public int Add(int assetIndex, FloodSensorSpec spec)
    {
        _sensors.Add(new Sensor(
            assetIndex,
            Math.Max(1, spec.DrainageMmH),
            Math.Clamp(spec.ImperviousShare, 0, 1),
            Math.Max(0, spec.LowPointFactor)));
        return _sensors.Count - 1;
    }

    /// <summary>
    /// Depth of water ponded over the catchment, mm, after integrating a rain history (mm/h,
    /// oldest first, evenly spaced by <paramref name="stepHours"/>; the last sample is now).
    /// </summary>
    public static double PondedMm(IReadOnlyList<double> rainHistoryMmH, double stepHours, double drainageMmH, double imperviousShare)
    {
        var depth = 0.0;
        for (var i = 1; i < rainHistoryMmH.Count; i++)
        {
            var runoff = (rainHistoryMmH[i - 1] + rainHistoryMmH[i]) / 2 * imperviousShare;
            depth = runoff > drainageMmH
                ? depth + (runoff - drainageMmH) * stepHours
                : Math.Max(0, depth - DrainFraction * (drainageMmH - runoff) * stepHours);
        }
        return depth;
    }

    /// <summary>Mean rain rate over the last <paramref name="minutes"/> of a history (trapezoid rule).</summary>
    public static double RecentRainMmH(IReadOnlyList<double> rainHistoryMmH, int minutes)
    {
        var steps = Math.Clamp(minutes / HistoryStepMinutes, 0, rainHistoryMmH.Count - 1);
        if (steps == 0) return rainHistoryMmH.Count > 0 ? rainHistoryMmH[^1] : 0;
        var sum = 0.0;
        for (var i = rainHistoryMmH.Count - steps; i < rainHistoryMmH.Count; i++)
            sum += (rainHistoryMmH[i - 1] + rainHistoryMmH[i]) / 2;
        return sum / steps;
    }

    public void Evaluate(int slot, CityConditions c, Span<double> values) => Evaluate(slot, c, 1, values);

    /// <summary>
    /// What-if hook: <paramref name="runoffFactor"/> scales the runoff coefficient (green roofs and
    /// permeable paving retain part of the rain that would have run off). 1 gives the live values.
    /// </summary>
    public void Evaluate(int slot, CityConditions c, double runoffFactor, Span<double> values)
    {
        var s = _sensors[slot];
        var history = c.RainHistoryMmH;
        var runoffCoefficient = s.ImperviousShare * runoffFactor;
        var ponded = PondedMm(history, HistoryStepMinutes / 60.0, s.DrainageMmH, runoffCoefficient);
        var load = Math.Min(1, RecentRainMmH(history, 30) * runoffCoefficient / s.DrainageMmH);
        values[0] = Math.Round((ponded * CentimetresPerPondedMm + SurchargeCm * load * load * load) * s.LowPointFactor, 1);
        values[1] = Math.Round(c.Weather.RainMmH, 1);
    }

    private readonly record struct Sensor(int AssetIndex, double DrainageMmH, double ImperviousShare, double LowPointFactor);
}
