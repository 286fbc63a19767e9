namespace CityTwin.Deploy.Tests;

/// <summary>One instruction of a Dockerfile, continuation lines joined.</summary>
/// <param name="Keyword">Upper-case instruction (FROM, COPY, ENV …).</param>
/// <param name="Arguments">Everything after the keyword.</param>
/// <param name="Stage">Index of the build stage (FROM) it belongs to.</param>
public sealed record DockerfileInstruction(string Keyword, string Arguments, int Stage);
