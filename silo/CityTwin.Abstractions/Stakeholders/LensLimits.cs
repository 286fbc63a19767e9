namespace CityTwin.Abstractions.Stakeholders;

/// <summary>Bounds of a lens, checked by the API and the city pack loader alike.</summary>
public static class LensLimits
{
    public const int MaxLenses = 50;
    public const int MaxNameLength = 80;
    public const int MaxDescriptionLength = 1_000;

    /// <summary>Weights are relative; 0 leaves a KPI out, 10 is as much as any one KPI can count.</summary>
    public const double MaxWeight = 10;

    /// <summary>A red line beyond a 100 % worsening says nothing a smaller one would not.</summary>
    public const double MaxRedLinePercent = 100;

    public const string RequiredLanguage = "en";

    public static readonly IReadOnlyList<string> Languages = ["en", "id", "ko", "kk", "mn", "ru"];
}
