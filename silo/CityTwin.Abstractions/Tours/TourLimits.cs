namespace CityTwin.Abstractions.Tours;

/// <summary>What a tour may hold; the API and the city pack's tours are validated against it.</summary>
public static class TourLimits
{
    /// <summary>The UI languages a tour's texts may be written in; English is required.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["en", "id", "ko", "kk", "mn", "ru"];

    public const string RequiredLanguage = "en";

    /// <summary>Layers a stop can switch on (the legend's toggles).</summary>
    public static IReadOnlyList<string> Layers { get; } = ["sites", "buildings", "roads", "3d"];

    /// <summary>KPIs a stop can colour the areas by (the legend's choice).</summary>
    public static IReadOnlyList<string> Kpis { get; } = ["congestionIndex", "pm25", "electricLoadMw", "streetlightKw", "floodMaxCm", "assetsInAlarm"];

    /// <summary>Target kinds of a stop.</summary>
    public static IReadOnlyList<string> TargetKinds { get; } = ["site", "asset", "area"];

    public const int MaxStops = 50;
    public const int MaxIdLength = 64;
    public const int MaxTitleLength = 200;
    public const int MaxNarrativeLength = 4000;
    public const int MaxTours = 200;
    public const double MaxZoom = 22;
    public const double MaxPitch = 85;
}
