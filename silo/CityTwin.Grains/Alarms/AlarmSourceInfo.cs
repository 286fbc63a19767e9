namespace CityTwin.Grains.Alarms;

/// <summary>What an alarm book needs to know of a source: its kind (asset wire name, <c>dong</c> or <c>gu</c>) and dong.</summary>
public readonly record struct AlarmSourceInfo(string Kind, string? DongCode);
