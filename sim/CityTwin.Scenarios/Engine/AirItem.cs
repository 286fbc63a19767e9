namespace CityTwin.Scenarios.Engine;

/// <summary>An air-quality station of a district plan.</summary>
internal readonly record struct AirItem(int Asset, int Slot, int Dong);
