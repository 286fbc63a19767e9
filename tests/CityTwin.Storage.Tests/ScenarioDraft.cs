namespace CityTwin.Storage.Tests;

/// <summary>A small grain state shaped like what users create: text (incl. non-ASCII), a number, a list, a time.</summary>
[GenerateSerializer]
public sealed record ScenarioDraft
{
    [Id(0)]
    public string Title { get; init; } = string.Empty;

    [Id(1)]
    public int Revision { get; init; }

    [Id(2)]
    public List<string> Steps { get; init; } = [];

    [Id(3)]
    public DateTimeOffset? SavedAt { get; init; }
}
