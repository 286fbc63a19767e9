using CityTwin.Model.Physics;

namespace CityTwin.Model.Generation;

/// <summary>
/// Derives independent, process-stable seeds from a city seed and a name. string.GetHashCode is
/// randomised per process, so it must never feed generation.
/// </summary>
public static class StableSeed
{
    public static int Derive(int seed, string name)
    {
        // FNV-1a over the name, mixed with the seed by the models' SplitMix64 finaliser.
        var h = 14695981039346656037UL;
        foreach (var c in name)
        {
            h ^= c;
            h *= 1099511628211UL;
        }
        return (int)(SeededRandom.Mix(h ^ (ulong)(uint)seed * 0x9E3779B97F4A7C15UL) & 0x7FFF_FFFF);
    }
}
