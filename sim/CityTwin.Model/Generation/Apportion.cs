namespace CityTwin.Model.Generation;

/// <summary>Shares a whole number out by weight (largest remainder), after giving every slot a minimum.</summary>
public static class Apportion
{
    public static int[] ByWeight(int total, IReadOnlyList<double> weights, int minimumEach)
    {
        var n = weights.Count;
        var result = new int[n];
        if (n == 0) return result;
        var remaining = Math.Max(0, total - minimumEach * n);
        var sum = weights.Sum();
        var remainders = new (double Fraction, int Index)[n];
        var given = 0;
        for (var i = 0; i < n; i++)
        {
            var exact = sum > 0 ? remaining * weights[i] / sum : (double)remaining / n;
            var whole = (int)Math.Floor(exact);
            result[i] = minimumEach + whole;
            given += whole;
            remainders[i] = (exact - whole, i);
        }
        // Stable ordering (fraction, then index) keeps the result deterministic.
        foreach (var (_, index) in remainders.OrderByDescending(r => r.Fraction).ThenBy(r => r.Index).Take(remaining - given))
            result[index]++;
        return result;
    }
}
