namespace CityTwin.Model.Physics;

/// <summary>
/// Stateless, counter-based randomness: a number is a pure function of (seed, stream, keys).
/// System.Random keeps state, so its output would depend on how many draws came before and on
/// the order in which dongs are generated; a hash of the coordinates does not, which is what makes
/// the same seed and instant give bit-identical telemetry in any order and in any process.
/// The mixer is the SplitMix64 finaliser (Steele, Lea &amp; Flood, OOPSLA 2014), which passes
/// BigCrush when fed a counter.
/// </summary>
public static class SeededRandom
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;
    private const double TwoPowMinus53 = 1.0 / (1UL << 53);

    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public static ulong Hash(int seed, RandomStream stream, long a, long b = 0, long c = 0)
    {
        var h = Mix((ulong)(uint)seed * Golden + (ulong)stream);
        h = Mix(h ^ ((ulong)a * 0xD1B54A32D192ED03UL + Golden));
        h = Mix(h ^ ((ulong)b * 0xAEF17502108EF2D9UL + Golden));
        return Mix(h ^ ((ulong)c * 0xDB4F0B9175AE2165UL + Golden));
    }

    /// <summary>Uniform in [0, 1).</summary>
    public static double Uniform(int seed, RandomStream stream, long a, long b = 0, long c = 0) =>
        (Hash(seed, stream, a, b, c) >> 11) * TwoPowMinus53;

    /// <summary>Uniform in [-1, 1): cheap symmetric noise for hot paths (no transcendental functions).</summary>
    public static double Signed(int seed, RandomStream stream, long a, long b = 0, long c = 0) =>
        2 * Uniform(seed, stream, a, b, c) - 1;

    /// <summary>Standard normal by Box-Muller from two independent uniforms of the same key.</summary>
    public static double Normal(int seed, RandomStream stream, long a, long b = 0, long c = 0)
    {
        var h = Hash(seed, stream, a, b, c);
        var u1 = ((h >> 11) + 1) * TwoPowMinus53; // (0, 1]: Log never sees zero
        var u2 = (Mix(h ^ Golden) >> 11) * TwoPowMinus53;
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>
    /// Value noise: standard-normal knots at whole values of <paramref name="x"/>, joined by a
    /// smoothstep, so a quantity drifts continuously (no jumps between ticks or at midnight).
    /// The variance dips to about half between knots, which is acceptable for texture.
    /// </summary>
    public static double Smooth(int seed, RandomStream stream, long key, double x)
    {
        var i = (long)Math.Floor(x);
        var f = x - i;
        var a = Normal(seed, stream, key, i);
        var b = Normal(seed, stream, key, i + 1);
        var w = f * f * (3 - 2 * f);
        return a + (b - a) * w;
    }

    /// <summary>Like <see cref="Smooth"/> but with uniform knots in [-1, 1): bounded and cheaper.</summary>
    public static double SmoothSigned(int seed, RandomStream stream, long key, double x)
    {
        var i = (long)Math.Floor(x);
        return Blend(Signed(seed, stream, key, i), Signed(seed, stream, key, i + 1), x - i);
    }

    /// <summary>
    /// The smoothstep join of two knots at fraction <paramref name="f"/>: public so that a caller
    /// evaluating many consecutive instants can keep the knots and get the same bits.
    /// </summary>
    public static double Blend(double a, double b, double f)
    {
        var w = f * f * (3 - 2 * f);
        return a + (b - a) * w;
    }
}
