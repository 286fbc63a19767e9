namespace CityTwin.Abstractions.Scenarios;

/// <summary>The units intervention <paramref name="Index"/> of a definition pays for in one dong.</summary>
[GenerateSerializer, Immutable, Alias("CityTwin.DongCost")]
public sealed record DongCost(
    [property: Id(0)] int Index,
    [property: Id(1)] string DongCode,
    [property: Id(2)] double Units);
