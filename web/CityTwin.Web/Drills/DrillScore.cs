namespace CityTwin.Web.Drills;

/// <summary>
/// A run's figures: alarms raised, how many were acknowledged, assigned and resolved, missed, the
/// mean and longest seconds to acknowledge and to resolve, and the share handled in time (0–100).
/// </summary>
public sealed record DrillScore(
    int Alarms,
    int Acknowledged,
    int Assigned,
    int Resolved,
    int Missed,
    double? MeanSecondsToAcknowledge,
    double? MaxSecondsToAcknowledge,
    double? MeanSecondsToAssign,
    double? MeanSecondsToResolve,
    double? MaxSecondsToResolve,
    int ScorePercent,
    double MissAfterSeconds);
