namespace CityTwin.Web.Ngsi;

/// <summary>A refusal: the NGSI-LD error type, the HTTP status, the parameter at fault and why.</summary>
public sealed record NgsiProblem(string Type, int Status, string Parameter, string Detail)
{
    public static NgsiProblem BadData(string parameter, string detail) => new(NgsiLd.BadRequestData, 400, parameter, detail);

    public static NgsiProblem Invalid(string parameter, string detail) => new(NgsiLd.InvalidRequest, 400, parameter, detail);

    public static NgsiProblem NotFound(string parameter, string detail) => new(NgsiLd.ResourceNotFound, 404, parameter, detail);

    public string Title => Type[NgsiLd.ErrorBase.Length..];
}
