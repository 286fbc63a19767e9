namespace CityTwin.Web.Stakeholders;

/// <summary>
/// A lens as sent to the API and shipped in a city pack (<c>lenses.json</c>): the same shape as the
/// answer, every field optional here so the validator can name what is missing.
/// </summary>
public sealed class LensInput
{
    public string? Id { get; set; }
    public Dictionary<string, string?>? Name { get; set; }
    public Dictionary<string, string?>? Description { get; set; }
    public string? Group { get; set; }
    public List<LensKpiInput?>? Kpis { get; set; }
}
