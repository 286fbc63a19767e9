namespace CityTwin.Web.Stakeholders;

/// <summary>One KPI of a <see cref="LensInput"/>: its id, weight (0–10), better direction and red line (percent).</summary>
public sealed class LensKpiInput
{
    public string? Kpi { get; set; }
    public double? Weight { get; set; }
    public string? Better { get; set; }
    public double? RedLinePercent { get; set; }
}
