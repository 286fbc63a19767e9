# syntax=docker/dockerfile:1
# CityTwin simulator: a console worker and Orleans client that feeds the silos every tick. No
# HTTP, so no port and no HEALTHCHECK: its restart policy brings it back when it exits.
# Build from the repository root:
#   docker build -f deploy/docker/sim.Dockerfile -t citytwin/sim .

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Build settings first: the SDK pin, central package versions, analyzers and code style apply to
# every project, so the image builds exactly what a developer builds.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
# The city pack is copied into the publish output by sim/CityTwin.Model.
COPY data/ data/
COPY silo/ silo/
COPY sim/ sim/
# The NuGet cache mount keeps package downloads across builds without putting them in a layer.
RUN --mount=type=cache,id=citytwin-nuget,target=/root/.nuget/packages \
    dotnet publish sim/CityTwin.Sim/CityTwin.Sim.csproj -c Release -o /app --nologo

# The ASP.NET Core runtime rather than the plain one: it is a superset, so the simulator keeps
# starting if one of its dependencies (metrics, hosting) brings in the ASP.NET Core framework.
FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
# The unprivileged user the .NET base images ship with.
USER $APP_UID
ENTRYPOINT ["dotnet", "CityTwin.Sim.dll"]
