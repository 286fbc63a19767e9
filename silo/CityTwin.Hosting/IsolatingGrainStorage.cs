using System.Text;
using Orleans.Storage;

namespace CityTwin.Hosting;

/// <summary>
/// Wraps Orleans' ADO.NET grain storage so that every grain's record is its own. That storage builds
/// a record's key in C# from the state name and the grain key alone, which has two known flaws:
/// <list type="bullet">
/// <item>The grain type is not part of the key, so two grain types with the same key and state
/// name read and overwrite one record (dotnet/orleans#8746, #9737).</item>
/// <item>A string key made only of hex digits (optionally followed by <c>+extension</c>) is parsed
/// and stored as a number, so "0123" and "123", or "ff" and "FF", are one record; 32 hex digits
/// are likewise stored as a Guid (dotnet/orleans#9706).</item>
/// </list>
/// Every call therefore reaches the inner storage as state name <c>{grain type}/{state name}</c>
/// and grain id <c>{grain type}/k:{key}</c>. The mapping is a pure function of the grain id and
/// state name, so a restarted silo finds the records it wrote before (records written by the bare
/// ADO.NET storage, under the old keys, are not read back). The caller's grain state object is
/// passed through untouched, so ETags and <see cref="IGrainState{T}.RecordExists"/> keep the inner
/// storage's meaning.
/// </summary>
public sealed class IsolatingGrainStorage(IGrainStorage inner) : IGrainStorage
{
    // Neither 'k' nor ':' is a hex digit, so the prefixed key can never parse as an integer or a
    // Guid and the storage keeps it as the exact string.
    private static readonly byte[] KeyPrefix = "k:"u8.ToArray();

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(StateName(grainId, stateName), Isolated(grainId), grainState);

    // The token overloads must be forwarded too: the interface's defaults would drop the token.
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        inner.ReadStateAsync(StateName(grainId, stateName), Isolated(grainId), grainState, cancellationToken);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.WriteStateAsync(StateName(grainId, stateName), Isolated(grainId), grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        inner.WriteStateAsync(StateName(grainId, stateName), Isolated(grainId), grainState, cancellationToken);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(StateName(grainId, stateName), Isolated(grainId), grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        inner.ClearStateAsync(StateName(grainId, stateName), Isolated(grainId), grainState, cancellationToken);

    /// <summary>The state name the inner storage keys the record by: the grain type, '/', the state name.</summary>
    public static string StateName(GrainId grainId, string stateName) => $"{EscapeGrainType(grainId.Type.ToString())}/{stateName}";

    /// <summary>The grain id the inner storage sees: same type, the key's bytes behind a non-hex prefix.</summary>
    public static GrainId Isolated(GrainId grainId)
    {
        var key = grainId.Key.AsSpan();
        var bytes = new byte[KeyPrefix.Length + key.Length];
        KeyPrefix.CopyTo(bytes, 0);
        key.CopyTo(bytes.AsSpan(KeyPrefix.Length));
        return GrainId.Create(grainId.Type, new IdSpan(bytes));
    }

    // The first '/' of the state name must end the grain type, or type "a/b" with state "c" and type
    // "a" with state "b/c" would share a record; and a '`' anywhere makes the ADO.NET storage rewrite
    // the whole name as a generic .NET type name. Escaping '%' as well keeps the escape reversible.
    // Ordinary grain types contain none of these and so appear in the database unchanged.
    private static string EscapeGrainType(string grainType)
    {
        if (grainType.AsSpan().IndexOfAny("%/`") < 0)
        {
            return grainType;
        }

        var escaped = new StringBuilder(grainType.Length + 8);
        foreach (var c in grainType)
        {
            _ = c switch
            {
                '%' => escaped.Append("%25"),
                '/' => escaped.Append("%2F"),
                '`' => escaped.Append("%60"),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }
}
