namespace CityTwin.Abstractions.Assets;

/// <summary>Health of an asset, worst last so that <c>Max</c> gives the worse of two.</summary>
public enum AssetStatus
{
    Ok = 0,
    Warning = 1,
    Alarm = 2,
    Offline = 3,
}
