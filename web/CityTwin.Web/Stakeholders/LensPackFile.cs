namespace CityTwin.Web.Stakeholders;

/// <summary>The city pack's <c>lenses.json</c>: the default lenses, in the order they are listed.</summary>
public sealed class LensPackFile
{
    public List<LensInput?>? Lenses { get; set; }
}
