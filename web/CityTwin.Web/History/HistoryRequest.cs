using CityTwin.Abstractions.History;

namespace CityTwin.Web.History;

/// <summary>A checked history request: what to ask the grain and whether to answer as CSV.</summary>
public sealed record HistoryRequest(HistoryQuery Query, bool Csv);
