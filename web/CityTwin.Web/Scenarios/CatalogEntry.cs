namespace CityTwin.Web.Scenarios;

/// <summary>An intervention or condition as <c>GET /api/scenarios/catalog</c> lists it.</summary>
public sealed record CatalogEntry(string Type, string Name, string Description, IReadOnlyList<string> Targets, IReadOnlyList<CatalogParameter> Parameters);

/// <summary>A parameter with its unit, default and valid range.</summary>
public sealed record CatalogParameter(string Name, string Label, string Unit, double Default, double Min, double Max, string Description, bool WholeNumber = false);
