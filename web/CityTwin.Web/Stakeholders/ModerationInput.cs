namespace CityTwin.Web.Stakeholders;

/// <summary>A planner's decision on a comment: "approved" or "rejected".</summary>
public sealed record ModerationInput(string? Status);
