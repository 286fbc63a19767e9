using CityTwin.Model.City;
using CityTwin.Model.Specs;

namespace CityTwin.Model.Physics;

/// <summary>
/// Air-quality stations: values [pm25, pm10, no2_ppb].
/// <para>PM2.5 = (regional background × (0.7 + 0.3·D) × B_bg + k_pm · T · D · B) × W,
/// where the regional background is seasonal (high winter–spring, low monsoon summer) with seeded
/// multi-day episodes of long-range transport, T = traffic demand × dong traffic intensity ×
/// (0.4 + roadside factor) is the local traffic term, D = wind dilution, B = boundary-layer
/// (night-time inversion) factor and W = rain washout. So PM2.5 rises linearly with traffic
/// demand, all else equal.</para>
/// <para>Shares follow the Seoul Metropolitan Government 2020 source study: overseas sources ~42 % and vehicles ~26 % of the domestic
/// part of Seoul's PM2.5 (Seoul 2020 study), i.e. road traffic ≈ 15 % of the total, about
/// 3 µg/m³ of the default city's ~20 µg/m³ annual mean (2022–2024: 19, 22, 19 µg/m³).</para>
/// <para>PM10 = PM2.5 / r + Asian-dust episodes + road dust, with r = 0.55–0.60 per station
/// (the default city's annual PM2.5/PM10 was 19/33 = 0.58 and 22/41 = 0.54).</para>
/// <para>NO2 (ppb) = background 9 × season + k_no2 · T · D · B · season: road transport is the
/// largest NOx source (CAPSS 2018), so NO2 is mostly the traffic term. Tuned so
/// background stations stay near 15–25 ppb (under the 30 ppb annual standard) and only busy
/// roadside stations pass the 60 ppb 24-h level at peak hours.</para>
/// </summary>
public sealed class AirQualityModel
{
    /// <summary>Local traffic PM2.5 at demand 1, intensity 1, roadside factor 0.6, no dilution: ≈3 µg/m³ (see above).</summary>
    public const double TrafficPm25 = 3.0;

    /// <summary>Local traffic NO2 at the same reference, ppb.</summary>
    public const double TrafficNo2Ppb = 16.0;

    public const double BackgroundNo2Ppb = 9.0;

    /// <summary>Mean of an episode's extra multiplier over its window: E[amplitude 0.5–1.8] × E[duration 1.5–4 d] × ½ (sin² shape) / 4 d.</summary>
    private const double EpisodeMeanPerChance = (0.5 + 1.3 / 2) * (1.5 + 2.5 / 2) / 2 / 4;

    private readonly int _seed;
    private readonly List<Station> _stations = [];

    public AirQualityModel(int seed) => _seed = seed;

    public int Count => _stations.Count;

    /// <summary>Adds a station. <paramref name="trafficIntensity"/> is its dong's traffic intensity (1 = a typical busy urban dong).</summary>
    public int Add(int assetIndex, AirStationSpec spec, double trafficIntensity)
    {
        var siteFactor = Math.Exp(0.08 * SeededRandom.Normal(_seed, RandomStream.AirStation, assetIndex, 0));
        var ratio = 0.55 + 0.05 * SeededRandom.Uniform(_seed, RandomStream.AirStation, assetIndex, 1);
        var exposure = trafficIntensity * (0.4 + Math.Clamp(spec.RoadsideFactor, 0, 1));
        _stations.Add(new Station(assetIndex, siteFactor, ratio, exposure));
        return _stations.Count - 1;
    }

    /// <summary>
    /// Regional background PM2.5 at an instant (time only; weather effects are applied per station):
    /// the pack's monthly regional PM2.5 with seeded multi-day episodes at its monthly episode chance.
    /// The table is the seasonal shape of the region's PM2.5, scaled so that background plus local
    /// traffic averages the city's measured annual mean.
    /// </summary>
    public static double RegionalPm25(CityPack city, int seed, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(city);
        var days = city.Clock.LocalDays(instant);
        var date = CityClock.LocalDate(city.Clock.LocalDayIndex(instant));
        var frac = days - Math.Floor(days);
        var monthly = ClimateNormals.Interpolate(city.Climate.RegionalPm25, date, frac);
        var chance = ClimateNormals.Interpolate(city.Climate.Pm25EpisodeChance, date, frac);
        var window = (long)Math.Floor(days / 4);
        var episodes = 1.0;
        for (var w = window - 1; w <= window; w++)
        {
            if (SeededRandom.Uniform(seed, RandomStream.PmEpisode, w, 0) >= chance) continue;
            var start = w * 4 + 3 * SeededRandom.Uniform(seed, RandomStream.PmEpisode, w, 1);
            var duration = 1.5 + 2.5 * SeededRandom.Uniform(seed, RandomStream.PmEpisode, w, 2);
            var amplitude = 0.5 + 1.3 * SeededRandom.Uniform(seed, RandomStream.PmEpisode, w, 3);
            var x = (days - start) / duration;
            if (x is > 0 and < 1)
            {
                var s = Math.Sin(Math.PI * x);
                episodes += amplitude * s * s;
            }
        }
        // Day-to-day weather noise (lognormal) on top; divide by the expected multipliers so the
        // monthly means stay at the table values.
        var drift = Math.Exp(0.25 * SeededRandom.Smooth(seed, RandomStream.PmSlow, 0, days / 1.5));
        return monthly * drift * episodes / (1.024 * (1 + chance * EpisodeMeanPerChance));
    }

    /// <summary>Extra coarse dust (PM10, µg/m³) from desert-dust episodes at the pack's monthly chance: 40–240 µg/m³ at the peak.</summary>
    public static double DustPm10(CityPack city, int seed, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(city);
        var days = city.Clock.LocalDays(instant);
        var date = CityClock.LocalDate(city.Clock.LocalDayIndex(instant));
        var chance = ClimateNormals.Interpolate(city.Climate.DustChance, date);
        var window = (long)Math.Floor(days / 7);
        var dust = 0.0;
        for (var w = window - 1; w <= window; w++)
        {
            if (SeededRandom.Uniform(seed, RandomStream.Dust, w, 0) >= chance) continue;
            var start = w * 7 + 5 * SeededRandom.Uniform(seed, RandomStream.Dust, w, 1);
            var duration = 0.75 + 1.5 * SeededRandom.Uniform(seed, RandomStream.Dust, w, 2);
            var u = SeededRandom.Uniform(seed, RandomStream.Dust, w, 3);
            var x = (days - start) / duration;
            if (x is > 0 and < 1)
            {
                var s = Math.Sin(Math.PI * x);
                dust += (40 + 200 * u * u) * s * s;
            }
        }
        return dust;
    }

    /// <summary>Wind dilution relative to a 3 m/s breeze: concentration ∝ 1/√wind, bounded.</summary>
    public static double Dilution(double windMs) => Math.Clamp(Math.Sqrt(3.0 / Math.Max(windMs, 0.5)), 0.6, 1.6);

    /// <summary>Below-cloud scavenging: about a third removed at 10 mm/h (assumption).</summary>
    public static double Washout(double rainMmH) => 1 / (1 + 0.05 * Math.Max(0, rainMmH));

    /// <summary>Night-time inversions trap local emissions (max near 03 h, min mid-afternoon).</summary>
    public static double BoundaryLayer(double localHour, double amplitude) => 1 + amplitude * Math.Cos(2 * Math.PI * (localHour - 3) / 24);

    /// <summary>NO2 is higher in winter (less photochemistry, shallower mixing): ±25 % around midwinter and midsummer.</summary>
    public static double No2Season(DateTimeOffset localTime, int midwinterDayOfYear) =>
        1 + 0.25 * Math.Cos(2 * Math.PI * (localTime.DayOfYear - midwinterDayOfYear) / 365.25);

    public void Evaluate(int slot, CityConditions c, Span<double> values) => Evaluate(slot, c, 1, 1, values);

    /// <summary>
    /// What-if hook: <paramref name="trafficPmFactor"/> and <paramref name="trafficNo2Factor"/> scale
    /// the local traffic terms (less traffic in a charged zone; EVs emit no exhaust NO2 but still raise
    /// tyre, brake and road dust). The regional background is untouched. Factors of 1 give the live values.
    /// </summary>
    public void Evaluate(int slot, CityConditions c, double trafficPmFactor, double trafficNo2Factor, Span<double> values)
    {
        var s = _stations[slot];
        var w = c.Weather;
        var d = Dilution(w.WindMs);
        var wash = Washout(w.RainMmH);
        var traffic = c.TrafficDemand * s.Exposure;
        var hourKnots = c.LocalDays * 24;
        var noisePm = 1 + 0.08 * SeededRandom.SmoothSigned(_seed, RandomStream.AirNoise, 2L * s.AssetIndex, hourKnots);
        var noiseNo2 = 1 + 0.08 * SeededRandom.SmoothSigned(_seed, RandomStream.AirNoise, 2L * s.AssetIndex + 1, hourKnots);
        var blLocal = BoundaryLayer(c.LocalHour, 0.2);
        var blBackground = BoundaryLayer(c.LocalHour, 0.08);
        var background = c.RegionalPm25 * s.SiteFactor * (0.7 + 0.3 * d) * blBackground;
        var local = TrafficPm25 * (traffic * trafficPmFactor) * d * blLocal;
        var pm25 = (background + local) * wash * noisePm;
        // Road dust (tyres, brakes, resuspension) is mostly coarse: it adds to PM10, damped when wet.
        var pm10 = pm25 / s.Pm25Ratio + c.DustPm10 * (0.7 + 0.3 * d) + 1.5 * local * wash;
        var season = No2Season(c.LocalTime, c.MidwinterDayOfYear);
        var no2 = (BackgroundNo2Ppb * (0.7 + 0.3 * d) * blBackground + TrafficNo2Ppb * (traffic * trafficNo2Factor) * d * blLocal) * season * noiseNo2;
        values[0] = Math.Round(pm25, 1);
        values[1] = Math.Round(pm10, 1);
        values[2] = Math.Round(no2, 1);
    }

    private readonly record struct Station(int AssetIndex, double SiteFactor, double Pm25Ratio, double Exposure);
}
