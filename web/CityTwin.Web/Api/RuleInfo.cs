namespace CityTwin.Web.Api;

public sealed record RuleInfo(string Channel, double Warning, double Alarm, bool HighIsBad);
