using System.Runtime.Serialization;

namespace CityTwin.Web.Live;

/// <summary>
/// The <c>clock</c> frame and the clock part of <c>/api/city</c>: time, speed, the sky over the
/// city, and the timeline (grows by one at every jump of the clock; a client reloads history then).
/// </summary>
[DataContract]
public sealed record ClockFrame(
    [property: DataMember(Name = "simTime")] string SimTime,
    [property: DataMember(Name = "speed")] double Speed,
    [property: DataMember(Name = "paused")] bool Paused,
    [property: DataMember(Name = "sunrise")] string Sunrise,
    [property: DataMember(Name = "sunset")] string Sunset,
    [property: DataMember(Name = "temperatureC")] double TemperatureC,
    [property: DataMember(Name = "rainMmH")] double RainMmH,
    [property: DataMember(Name = "timeline")] int Timeline);
