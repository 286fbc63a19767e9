namespace CityTwin.Web.Stakeholders;

/// <summary>A new comment: the pentahelix group it speaks for and its text.</summary>
public sealed record CommentInput(string? Group, string? Text);
