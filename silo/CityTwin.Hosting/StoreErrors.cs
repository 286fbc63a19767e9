using System.Data.Common;

namespace CityTwin.Hosting;

/// <summary>
/// Errors of the durable store (PostgreSQL in a cluster, SQLite embedded) reaching a request: the
/// database is down, unreachable or locked by another process. Grains apply a change only once it
/// is stored, so such a request changed nothing and may simply be made again later.
/// </summary>
public static class StoreErrors
{
    public static bool IsUnavailable(Exception exception)
    {
        // Orleans' storage providers wrap the driver's exception; look through the chain.
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException or CityTwin.Abstractions.Storage.StoreUnavailableException) return true;
            if (e is AggregateException { InnerExceptions.Count: 1 } a) return IsUnavailable(a.InnerExceptions[0]);
        }
        return false;
    }
}
