namespace CityTwin.Web.Boundaries;

/// <summary>
/// How an error message quotes what the client sent: enough to recognise it, never a whole
/// oversized or hostile value echoed back into a response or a log line.
/// </summary>
public static class InputEcho
{
    public static string Clip(string text, int max = 40) => text.Length > max ? text[..max] + "…" : text;
}
