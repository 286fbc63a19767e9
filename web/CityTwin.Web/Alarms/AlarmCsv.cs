using System.Globalization;
using System.Text;

namespace CityTwin.Web.Alarms;

/// <summary>The alarm list as CSV (RFC 4180; spreadsheet-formula characters escaped).</summary>
public static class AlarmCsv
{
    public const string Header = "id,parent_id,severity,state,service,rule_id,rule,source_kind,source_id,gu,dong,value,count,children,first_at,last_at,cleared_at,acknowledged_by,acknowledged_at,assigned_to,shelved_until,shelve_reason,chattering,escalated,drill,drill_run";

    public static string Write(IEnumerable<AlarmItem> alarms)
    {
        var csv = new StringBuilder(Header).Append('\n');
        foreach (var a in alarms)
        {
            string[] row =
            [
                a.Id, a.ParentId ?? "", a.Severity, a.State, a.Service, a.RuleId, a.RuleName, a.SourceKind, a.SourceId, a.GuCode,
                a.DongCode ?? "", a.Value.ToString(CultureInfo.InvariantCulture), a.Count.ToString(CultureInfo.InvariantCulture),
                a.Children.ToString(CultureInfo.InvariantCulture), Time(a.FirstAt), Time(a.LastAt), Time(a.ClearedAt),
                a.AcknowledgedBy ?? "", Time(a.AcknowledgedAt), a.AssignedTo ?? "", Time(a.ShelvedUntil), a.ShelveReason ?? "",
                a.Chattering ? "true" : "false", a.Escalated ? "true" : "false", a.Drill ? "true" : "false", a.RunId ?? "",
            ];
            csv.AppendJoin(',', row.Select(Field)).Append('\n');
        }
        return csv.ToString();
    }

    private static string Time(DateTimeOffset? t) => t?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture) ?? "";

    private static string Field(string value)
    {
        if (value.Length == 0) return "";
        // A negative number is data, not a formula; any other leading = + - @ is neutralised.
        if (value[0] is '=' or '+' or '@' or '\t' or '\r' || (value[0] == '-' && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
            value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
