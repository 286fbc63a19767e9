using NetTopologySuite.Geometries;

namespace CityTwin.Web.Ngsi;

/// <summary>
/// An entity before its attributes are built: id, type and location are enough for the id, type and
/// geo filters, so a query over thousands of assets builds only the ones it keeps.
/// </summary>
public sealed record NgsiCandidate(string Id, string Type, Geometry Location, Func<NgsiEntity> Build);
