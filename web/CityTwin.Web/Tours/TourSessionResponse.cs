using CityTwin.Abstractions.Tours;

namespace CityTwin.Web.Tours;

/// <summary>A live presentation as the presenter's screen needs it: the whole tour, the current stop and how to join.</summary>
public sealed record TourSessionResponse(
    string Code,
    string Presenter,
    int StopIndex,
    long Version,
    DateTimeOffset StartedAt,
    Tour Tour,
    string JoinUrl,
    string QrUrl)
{
    public static TourSessionResponse Of(TourSessionView session, HttpRequest request) => new(
        session.Code, session.Presenter, session.StopIndex, session.Version, session.StartedAt, session.Tour,
        JoinUrlOf(session.Code, request), $"{TourSessionEndpoints.Route}/{session.Code}/qr.svg");

    /// <summary>The page opened on a follower's phone: the map, following the session.</summary>
    public static string JoinUrlOf(string code, HttpRequest request) => $"{request.Scheme}://{request.Host}/?join={code}";
}
