using System.Numerics;

namespace CityTwin.Web.Live;

/// <summary>
/// A set of areas as bits over <see cref="AreaIndex"/> numbers. A client's pending areas and the
/// areas its viewport shows are sets of this kind, so marking what a flush changed for ten thousand
/// clients is a few word operations per client, and a slow client's pending areas take a few words
/// instead of a hash set sized for the whole city.
/// </summary>
public sealed class AreaSet
{
    private ulong[] _words;

    public AreaSet(int capacity = 0) => _words = capacity > 0 ? new ulong[(capacity + 63) / 64] : [];

    public static AreaSet Of(params int[] indexes)
    {
        var set = new AreaSet();
        foreach (var i in indexes) set.Add(i);
        return set;
    }

    public bool IsEmpty
    {
        get
        {
            foreach (var w in _words)
                if (w != 0) return false;
            return true;
        }
    }

    public int Count
    {
        get
        {
            var n = 0;
            foreach (var w in _words) n += BitOperations.PopCount(w);
            return n;
        }
    }

    public bool Contains(int index) => index >= 0 && index / 64 < _words.Length && (_words[index / 64] & (1UL << (index % 64))) != 0;

    public void Add(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        Grow(index / 64 + 1);
        _words[index / 64] |= 1UL << (index % 64);
    }

    /// <summary>Adds the areas of <paramref name="other"/> that are also in <paramref name="mask"/> (all of them when null).</summary>
    public void UnionWith(AreaSet other, AreaSet? mask = null)
    {
        var words = other._words;
        var limit = mask is null ? words.Length : Math.Min(words.Length, mask._words.Length);
        var last = limit - 1;
        while (last >= 0 && (words[last] & (mask is null ? ulong.MaxValue : mask._words[last])) == 0) last--;
        if (last < 0) return;
        Grow(last + 1);
        for (var i = 0; i <= last; i++)
            _words[i] |= mask is null ? words[i] : words[i] & mask._words[i];
    }

    /// <summary>Keeps only the areas that are also in <paramref name="other"/>.</summary>
    public void IntersectWith(AreaSet other)
    {
        for (var i = 0; i < _words.Length; i++)
            _words[i] &= i < other._words.Length ? other._words[i] : 0;
    }

    /// <summary>The area numbers in ascending order.</summary>
    public IEnumerable<int> Indexes()
    {
        for (var i = 0; i < _words.Length; i++)
        {
            var w = _words[i];
            while (w != 0)
            {
                var bit = BitOperations.TrailingZeroCount(w);
                yield return i * 64 + bit;
                w &= w - 1;
            }
        }
    }

    private void Grow(int words)
    {
        if (_words.Length < words) Array.Resize(ref _words, words);
    }
}
