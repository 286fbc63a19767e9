namespace CityTwin.Web.Tours;

/// <summary>
/// A tour as sent to the API, exported and shipped in a city pack (<c>tours/*.json</c>): the same
/// shape as the answer, every field optional here so the validator can name what is missing.
/// </summary>
public sealed class TourInput
{
    public string? Id { get; set; }
    public Dictionary<string, string?>? Title { get; set; }
    public Dictionary<string, string?>? Description { get; set; }
    public List<TourStopInput?>? Stops { get; set; }
}
