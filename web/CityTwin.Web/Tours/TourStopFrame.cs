using CityTwin.Abstractions.Tours;

namespace CityTwin.Web.Tours;

/// <summary>
/// What a follower's map needs of a session (SignalR <c>tourStop</c> and the answer to
/// <c>JoinTour</c>): the current stop with its texts in every language, where it is in the tour, and
/// a version that only goes up, so a late push never moves the map back.
/// </summary>
public sealed record TourStopFrame(
    string Code,
    string TourId,
    IReadOnlyDictionary<string, string> TourTitle,
    int StopIndex,
    int StopCount,
    long Version,
    string Presenter,
    TourStop Stop)
{
    public static TourStopFrame Of(TourSessionView session) => new(
        session.Code, session.Tour.Id, session.Tour.Title, session.StopIndex, session.Tour.Stops.Count,
        session.Version, session.Presenter, session.Tour.Stops[session.StopIndex]);
}
