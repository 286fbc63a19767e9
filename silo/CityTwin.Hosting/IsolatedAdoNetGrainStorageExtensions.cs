using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace CityTwin.Hosting;

/// <summary>Registers Orleans' ADO.NET grain storage behind <see cref="IsolatingGrainStorage"/>.</summary>
public static class IsolatedAdoNetGrainStorageExtensions
{
    /// <summary>
    /// Adds grain storage <paramref name="name"/>: the ADO.NET storage, registered exactly as
    /// <c>AddAdoNetGrainStorage</c> would under <see cref="InnerName"/> (options, validation and its
    /// silo lifecycle participation included), seen by grains only through the isolating wrapper.
    /// </summary>
    public static ISiloBuilder AddIsolatedAdoNetGrainStorage(this ISiloBuilder silo, string name, Action<AdoNetGrainStorageOptions> configure)
    {
        var inner = InnerName(name);
        silo.AddAdoNetGrainStorage(inner, configure);
        // The wrapper has no lifecycle of its own; the inner provider initialises its database
        // access when the silo starts, because Orleans registered it as a lifecycle participant.
        silo.Services.AddGrainStorage(name, (services, _) =>
            new StoreErrorTranslatingStorage(new IsolatingGrainStorage(services.GetRequiredKeyedService<IGrainStorage>(inner))));
        return silo;
    }

    /// <summary>The name the ADO.NET provider itself is registered under (it shows in its logs and errors).</summary>
    public static string InnerName(string name) => $"{name}-adonet";
}
