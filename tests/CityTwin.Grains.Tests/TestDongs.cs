namespace CityTwin.Grains.Tests;

/// <summary>
/// Grains are shared by every test of a cluster, so each test owns its own dongs: no two tests
/// write to the same neighbourhood, and only the aggregation test writes inside its district.
/// </summary>
public static class TestDongs
{
    /// <summary>Yeonsu-gu (Songdo): every kind of asset, the mapped roads and buildings.</summary>
    public const string AggregationDistrict = "28185";

    /// <summary>Namchondorim-dong (Namdong-gu): has mapped roads, air stations and pumps.</summary>
    public const string StatusRules = "2820066000";

    /// <summary>Nonhyeon 1-dong (Namdong-gu).</summary>
    public const string BadInput = "2820069000";

    /// <summary>Nonhyeon 2-dong (Namdong-gu): has mapped buildings.</summary>
    public const string Buildings = "2820070000";

    /// <summary>Manseok-dong (Dong-gu).</summary>
    public const string LateReadings = "2814051000";

    /// <summary>Hwasu 2-dong (Dong-gu).</summary>
    public const string Stale = "2814053000";

    /// <summary>Songhyeon 3-dong (Dong-gu).</summary>
    public const string History = "2814057000";

    /// <summary>Yeonan-dong (Jung-gu).</summary>
    public const string LiveFeed = "2811052000";

    /// <summary>Sinpo-dong (Jung-gu).</summary>
    public const string TimeJump = "2811053000";

    /// <summary>Sinheung-dong (Jung-gu).</summary>
    public const string LongHistory = "2811054000";

    /// <summary>Dowon-dong (Jung-gu).</summary>
    public const string Replay = "2811056000";

    /// <summary>Yulmok-dong (Jung-gu).</summary>
    public const string ReadingInstants = "2811057000";

    /// <summary>Dongincheon-dong (Jung-gu).</summary>
    public const string WallStamps = "2811058500";

    /// <summary>A dong of Michuhol-gu.</summary>
    public const string LiveRefresh = "2817771000";
}
