using CityTwin.Abstractions.Kpis;

namespace CityTwin.Web.Indicators;

/// <summary>
/// Where indicator trends come from: the KPI history of a district, oldest first. One interface so
/// that a longer area history (a day or a week per gu and dong) can replace the district grains' ring
/// without touching how indicators are computed.
/// </summary>
public interface IIndicatorHistory
{
    Task<IReadOnlyList<KpiSample>> DistrictAsync(string guCode);
}
