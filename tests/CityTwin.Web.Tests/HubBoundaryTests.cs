using CsCheck;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace CityTwin.Web.Tests;

/// <summary>
/// Garbage sent to the hub's <c>Subscribe</c> (wrong types, wrong counts, nulls, nesting) is a hub
/// error for that call alone: the caller's connection stays usable and other clients keep their frames.
/// </summary>
[Collection(TwinCollection.Name)]
public sealed class HubBoundaryTests(TwinAppFactory app)
{
    private static readonly double[] Songdo = [126.625, 37.385, 126.645, 37.400];

    /// <summary>Generated calls: 150 in the test run; the long run sets CITYTWIN_FUZZ_CASES (README).</summary>
    private static readonly int Cases = int.TryParse(Environment.GetEnvironmentVariable("CITYTWIN_FUZZ_CASES"), out var n) && n > 0 ? n : 150;

    /// <summary>Arguments no subscription can be made of.</summary>
    private static readonly object?[] Garbage =
    [
        null, "x", "", 1.5, -1, long.MaxValue, true, Array.Empty<object>(), new[] { "a", "b", "c", "d" },
        new { bbox = "x", zoom = "y" }, new { bbox = new[] { "a", "b", "c", "d" }, zoom = 14 },
        new { bbox = new object?[] { 1, 2, 3, null }, zoom = 14 }, new { bbox = new[] { 1e308, -1e308, 1e308, 1e308 }, zoom = 1e308 },
        new { bbox = new[] { new[] { 1.0 } }, zoom = 14 }, new { zoom = 14 }, new { bbox = Songdo, zoom = "near" },
        new { bbox = Songdo, zoom = -5 }, new Dictionary<string, object> { ["bbox"] = new Dictionary<string, object> { ["w"] = 1 } },
        new object[] { new object[] { new object[] { new object[] { "deep" } } } }, new string('x', 10_000),
    ];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Garbage_subscriptions_fail_alone_and_break_no_connection(bool messagePack)
    {
        await using var bystander = await HubClient.ConnectAsync(app, messagePack);
        await bystander.SubscribeAsync(Songdo[0], Songdo[1], Songdo[2], Songdo[3], 15);
        await using var caller = await HubClient.ConnectAsync(app, messagePack);
        var refused = 0;

        var arguments = Gen.Int[0, Garbage.Length - 1].Array[0, 3].Select(picks => picks.Select(i => Garbage[i]).ToArray());
        await arguments.SampleAsync(async args =>
        {
            var error = await Assert.ThrowsAsync<HubException>(() => caller.Connection.InvokeCoreAsync("Subscribe", args));
            Assert.False(string.IsNullOrEmpty(error.Message));
            Assert.Equal(HubConnectionState.Connected, caller.Connection.State);
            Interlocked.Increment(ref refused);
        }, iter: Cases, threads: 1);
        Assert.Equal(Cases, refused);

        // The bystander's frames kept coming, and the caller can still subscribe properly.
        var seen = bystander.AssetFrames.Count;
        await bystander.WaitUntilAsync(() => bystander.AssetFrames.Count > seen, TimeSpan.FromSeconds(15), "the bystander's frames after the garbage");
        await caller.SubscribeAsync(Songdo[0], Songdo[1], Songdo[2], Songdo[3], 15);
        await caller.WaitUntilAsync(() => !caller.AssetFrames.IsEmpty, TimeSpan.FromSeconds(15), "frames after the garbage subscriptions");
    }
}
