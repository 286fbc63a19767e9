namespace CityTwin.Abstractions.Storage;

/// <summary>
/// The durable store could not be reached or refused the request; nothing was stored. Silos throw
/// this in place of the database driver's exception, which cannot cross the wire (its fields do not
/// serialise) and would reach the web node as an unexplained failure; the web node answers 503.
/// </summary>
[GenerateSerializer, Alias("CityTwin.StoreUnavailableException")]
public sealed class StoreUnavailableException : Exception
{
    public StoreUnavailableException()
    {
    }

    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    public StoreUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
