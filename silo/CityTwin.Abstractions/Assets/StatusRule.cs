namespace CityTwin.Abstractions.Assets;

/// <summary>
/// One threshold rule on one telemetry channel. <see cref="HighIsBad"/> says which side of the
/// thresholds is the bad one (PM2.5 above 35 is bad; pump pressure below 2 bar is bad).
/// </summary>
public sealed record StatusRule(int Channel, double Warning, double Alarm, bool HighIsBad = true)
{
    public AssetStatus Evaluate(ReadOnlySpan<double> values)
    {
        if (Channel >= values.Length) return AssetStatus.Ok;
        var v = values[Channel];
        if (double.IsNaN(v)) return AssetStatus.Ok;
        if (HighIsBad)
            return v >= Alarm ? AssetStatus.Alarm : v >= Warning ? AssetStatus.Warning : AssetStatus.Ok;
        return v <= Alarm ? AssetStatus.Alarm : v <= Warning ? AssetStatus.Warning : AssetStatus.Ok;
    }
}
