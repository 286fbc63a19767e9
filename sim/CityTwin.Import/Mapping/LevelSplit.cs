namespace CityTwin.Import.Mapping;

/// <summary>
/// One file holding both levels: the field that tells them apart and its value for each level
/// (for example <c>admin_level</c> 6 for the gu, 8 for the dongs).
/// </summary>
public sealed record LevelSplit(string Field, string GuValue, string DongValue);
