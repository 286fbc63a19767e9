namespace CityTwin.Web.Tours;

/// <summary>A stop's target as sent: <c>{kind: "site"|"asset"|"area", id}</c>.</summary>
public sealed class TourTargetInput
{
    public string? Kind { get; set; }
    public string? Id { get; set; }
}
