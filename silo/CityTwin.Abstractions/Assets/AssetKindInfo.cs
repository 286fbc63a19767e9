namespace CityTwin.Abstractions.Assets;

/// <summary>
/// What the twin knows about a kind: its wire name, the names and units of its telemetry
/// channels (values travel as arrays in this order) and the rules that turn values into a status.
/// </summary>
public sealed record AssetKindInfo(
    AssetKind Kind,
    string WireName,
    string DisplayName,
    IReadOnlyList<string> Channels,
    IReadOnlyList<string> Units,
    IReadOnlyList<StatusRule> Rules)
{
    public int ChannelIndex(string channel)
    {
        for (var i = 0; i < Channels.Count; i++)
            if (Channels[i] == channel) return i;
        return -1;
    }

    public AssetStatus Evaluate(ReadOnlySpan<double> values)
    {
        var worst = AssetStatus.Ok;
        foreach (var rule in Rules)
        {
            var s = rule.Evaluate(values);
            if (s > worst) worst = s;
        }
        return worst;
    }
}
