namespace CityTwin.Import.Mapping;

/// <summary>
/// Which field of a file holds what. A null entry means "look for the usual names"
/// (<see cref="FieldCandidates"/>); an entry that names a field the file lacks is an error, so a
/// typo is never silently ignored.
/// </summary>
/// <param name="Code">Unique code of the area.</param>
/// <param name="Name">Name in English (or the Latin-script name).</param>
/// <param name="NameLocal">Name in the city's own script; defaults to <paramref name="Name"/>.</param>
/// <param name="Population">Residents.</param>
/// <param name="Parent">Dongs: the code of their gu; without it a dong joins the gu that contains it.</param>
/// <param name="Height">Buildings: height in metres.</param>
/// <param name="Levels">Buildings: storeys (3 m each) when there is no height.</param>
/// <param name="RoadClass">Roads: the road class (OpenStreetMap highway values or the pack's classes).</param>
/// <param name="Lanes">Roads: lanes.</param>
public sealed record LayerMapping(
    string? Code = null,
    string? Name = null,
    string? NameLocal = null,
    string? Population = null,
    string? Parent = null,
    string? Height = null,
    string? Levels = null,
    string? RoadClass = null,
    string? Lanes = null)
{
    public static LayerMapping Empty { get; } = new();
}
