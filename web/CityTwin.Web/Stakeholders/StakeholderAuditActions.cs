namespace CityTwin.Web.Stakeholders;

/// <summary>Audit log actions of stakeholder lenses and comments (the "lens." and "comment." families).</summary>
public static class StakeholderAuditActions
{
    public const string LensCreate = "lens.create";
    public const string LensUpdate = "lens.update";
    public const string LensDelete = "lens.delete";
    public const string CommentCreate = "comment.create";
    public const string CommentApprove = "comment.approve";
    public const string CommentReject = "comment.reject";
}
