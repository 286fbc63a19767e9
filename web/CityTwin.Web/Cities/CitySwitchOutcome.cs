using CityTwin.Web.Live;

namespace CityTwin.Web.Cities;

/// <summary>What a switch request came to: started (with the frame the maps were sent), or refused with an HTTP status and why.</summary>
public sealed record CitySwitchOutcome(CitySwitchingFrame? Started, int Status, string? Title = null, string? Detail = null)
{
    public static CitySwitchOutcome Refused(int status, string title, string detail) => new(null, status, title, detail);
}
