using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace CityTwin.Storage.Sqlite;

/// <summary>Registers <see cref="SqliteGrainStorage"/> as a named Orleans grain storage provider.</summary>
public static class SqliteGrainStorageSiloBuilderExtensions
{
    /// <summary>
    /// Adds a SQLite grain storage under <paramref name="name"/> (the name grains give in
    /// <c>[PersistentState(stateName, name)]</c>); the schema is created when the silo starts.
    /// </summary>
    public static ISiloBuilder AddSqliteGrainStorage(this ISiloBuilder builder, string name, Action<SqliteGrainStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);

        return builder.ConfigureServices(services =>
        {
            services.AddOptions<SqliteGrainStorageOptions>(name).Configure(configure);
            services.AddTransient<IPostConfigureOptions<SqliteGrainStorageOptions>, DefaultStorageProviderSerializerOptionsConfigurator<SqliteGrainStorageOptions>>();
            services.ConfigureNamedOptionForLogging<SqliteGrainStorageOptions>(name);
            services.AddTransient<IConfigurationValidator>(sp => new SqliteGrainStorageOptionsValidator(
                sp.GetRequiredService<IOptionsMonitor<SqliteGrainStorageOptions>>().Get(name), name));
            // Keyed singleton, plus the lifecycle participant registration since the type implements it.
            services.AddGrainStorage(name, Create);
        });
    }

    private static SqliteGrainStorage Create(IServiceProvider services, string name) =>
        ActivatorUtilities.CreateInstance<SqliteGrainStorage>(
            services,
            name,
            services.GetRequiredService<IOptionsMonitor<SqliteGrainStorageOptions>>().Get(name));
}
