namespace CityTwin.Web.Ngsi;

/// <summary>
/// An entity type this twin serves: its Smart Data Models subject (<c>dataModel.Streetlighting</c>),
/// the schema it follows and the model's own attribute names it uses (scoped to the type in the served
/// context, since two models may give one name different meanings, e.g. <c>status</c>).
/// </summary>
public sealed record NgsiType(string Name, string Model, string From, IReadOnlyList<string> Terms)
{
    public string Iri => $"https://smartdatamodels.org/{Model}/{Name}";

    public string SchemaUrl => $"https://raw.githubusercontent.com/smart-data-models/{Model}/master/{Name}/schema.json";
}
