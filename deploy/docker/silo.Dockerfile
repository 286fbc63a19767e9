# syntax=docker/dockerfile:1
# CityTwin silo: the grains, PostgreSQL membership, grain storage and reminders; /healthz and
# /metrics over HTTP. Build from the repository root:
#   docker build -f deploy/docker/silo.Dockerfile -t citytwin/silo .

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
    dotnet publish silo/CityTwin.Silo/CityTwin.Silo.csproj -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
# Listen on every interface: the appsettings.json default (localhost) is unreachable from other
# containers. Urls (not ASPNETCORE_URLS) because appsettings.json would override the latter;
# clearing ASPNETCORE_HTTP_PORTS (8080 in the base image) avoids an "overriding" warning.
ENV Urls=http://0.0.0.0:5180 \
    ASPNETCORE_HTTP_PORTS= \
    Orleans__SiloPort=11111 \
    Orleans__GatewayPort=30000
# 5180 HTTP (/healthz, /metrics), 11111 silo-to-silo, 30000 client gateway.
EXPOSE 5180 11111 30000
# The unprivileged user the .NET base images ship with.
USER $APP_UID
# curl is not in the aspnet image: bash's /dev/tcp sends the request instead, to the port of the
# first Urls entry so that an overridden Urls is still probed.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
    CMD ["bash", "-c", "u=${Urls%%;*}; p=${u##*:}; p=${p%%/*}; exec 3<>/dev/tcp/127.0.0.1/${p:-5180} && printf 'GET /healthz HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && IFS= read -r status <&3 && [[ $status == *' 200 '* ]]"]
ENTRYPOINT ["dotnet", "CityTwin.Silo.dll"]
