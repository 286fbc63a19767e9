using CityTwin.Abstractions.Assets;

namespace CityTwin.Grains.Alarms;

/// <summary>An asset as the evaluator needs it: its id, kind, dong and gu.</summary>
public readonly record struct AlarmSource(string Id, AssetKind Kind, string DongCode, string GuCode);
