using System.Runtime.Serialization;

namespace CityTwin.Web.Live;

/// <summary>What a client sends to <c>Subscribe</c>: <c>{bbox:[w,s,e,n], zoom}</c> (lower camel case in JSON and MessagePack).</summary>
[DataContract]
public sealed class SubscribeRequest
{
    [DataMember(Name = "bbox")]
    public double[]? Bbox { get; set; }

    [DataMember(Name = "zoom")]
    public double Zoom { get; set; }

    /// <summary>The viewport, or an error message a user can act on.</summary>
    public (Viewport? Viewport, string? Error) Validate()
    {
        if (Bbox is not { Length: 4 }) return (null, "bbox must be [west, south, east, north]");
        var (w, s, e, n) = (Bbox[0], Bbox[1], Bbox[2], Bbox[3]);
        if (!double.IsFinite(w) || !double.IsFinite(s) || !double.IsFinite(e) || !double.IsFinite(n))
            return (null, "bbox values must be finite numbers");
        if (w < -180 || e > 180 || s < -90 || n > 90) return (null, "bbox must be in WGS84 degrees");
        if (w > e || s > n) return (null, "bbox must have west ≤ east and south ≤ north");
        if (!double.IsFinite(Zoom) || Zoom < 0 || Zoom > 24) return (null, "zoom must be between 0 and 24");
        return (new Viewport(w, s, e, n, Zoom), null);
    }
}
