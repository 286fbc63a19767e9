using NetTopologySuite.Geometries;

namespace CityTwin.Model.City;

/// <summary>A field-visit site (point of interest) for tours.</summary>
public sealed record SiteInfo(
    string Id,
    string NameEn,
    string NameKo,
    string Kind,
    string Address,
    string VisitorSees,
    Point Location);
