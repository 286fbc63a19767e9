using Orleans.Dashboard;

namespace CityTwin.Hosting;

/// <summary>How every process of the twin sets up the Orleans dashboard.</summary>
public static class DashboardSettings
{
    /// <summary>
    /// The live log stream ("Log Stream", <c>/dashboard/Trace</c>) is off: it writes every log line
    /// of the process into each open stream as the line is logged, so one reader that stops
    /// reading stalls the app's logging and, with it, every request that logs. Logs reach
    /// operators through the normal logging pipeline instead.
    /// </summary>
    public static void Configure(DashboardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.HideTrace = true;
    }
}
