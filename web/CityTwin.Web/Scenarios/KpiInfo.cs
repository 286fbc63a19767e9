namespace CityTwin.Web.Scenarios;

/// <summary>A scenario KPI with its units, which way is better (<c>lower</c>/<c>higher</c>), meaning and source.</summary>
public sealed record KpiInfo(
    string Id, string Name, string Unit, string SeriesUnit, string Better, string Definition, string IsoTheme, string Source);
