namespace CityTwin.Abstractions.Alarms;

/// <summary>
/// The five services of a city operations centre (IFEZ Smart City Operation Center): every rule,
/// and so every alarm, belongs to one of them, so each desk sees its own.
/// </summary>
public enum ServiceArea
{
    /// <summary>Crime prevention and safety.</summary>
    Safety = 0,
    /// <summary>Disaster response (floods, outages).</summary>
    Disaster = 1,
    Traffic = 2,
    Environment = 3,
    /// <summary>Citizen information and facilities (streetlights, pumps, chargers, buildings).</summary>
    Facilities = 4,
}
