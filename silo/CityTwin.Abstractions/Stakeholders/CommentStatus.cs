namespace CityTwin.Abstractions.Stakeholders;

[GenerateSerializer, Alias("CityTwin.CommentStatus")]
public enum CommentStatus
{
    Pending,
    Approved,
    Rejected,
}
