# syntax=docker/dockerfile:1
# CityTwin web: map, REST API, SignalR, /healthz, /metrics, /dashboard. Embedded mode by default
# (one container runs the whole twin); Orleans__Mode=Cluster makes it a client of the silos.
# Build from the repository root:
#   docker build -f deploy/docker/web.Dockerfile -t citytwin/web .

# The web build runs `npm ci` for the map libraries and needs Node.js 20 or later; the SDK image's
# Ubuntu packages are older, so node and npm come from the official Node.js image instead.
FROM node:22-slim AS node

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/npm
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
    && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
    && node --version && npm --version
WORKDIR /src
# Build settings first: the SDK pin, central package versions, analyzers and code style apply to
# every project, so the image builds exactly what a developer builds.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
# The city pack is copied into the publish output by sim/CityTwin.Model.
COPY data/ data/
COPY silo/ silo/
COPY sim/ sim/
COPY web/ web/
# Cache mounts keep NuGet and npm downloads across builds without putting them in a layer.
RUN --mount=type=cache,id=citytwin-nuget,target=/root/.nuget/packages \
    --mount=type=cache,id=citytwin-npm,target=/root/.npm \
    dotnet publish web/CityTwin.Web/CityTwin.Web.csproj -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
# Listen on every interface: the appsettings.json default (localhost) is unreachable from outside
# the container. Urls (not ASPNETCORE_URLS) because appsettings.json would override the latter;
# clearing ASPNETCORE_HTTP_PORTS (8080 in the base image) avoids an "overriding" warning.
ENV Urls=http://0.0.0.0:5080 \
    ASPNETCORE_HTTP_PORTS=
EXPOSE 5080
# Embedded mode (the image's default) keeps its SQLite store in App_Data under the content root
# (Orleans:DataDirectory); the unprivileged user must be able to write there. Mount a volume on
# /app/App_Data to keep the store across container replacements.
RUN mkdir -p /app/App_Data && chown "$APP_UID" /app/App_Data
# The unprivileged user the .NET base images ship with.
USER $APP_UID
# curl is not in the aspnet image: bash's /dev/tcp sends the request instead, to the port of the
# first Urls entry so that an overridden Urls is still probed.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
    CMD ["bash", "-c", "u=${Urls%%;*}; p=${u##*:}; p=${p%%/*}; exec 3<>/dev/tcp/127.0.0.1/${p:-5080} && printf 'GET /healthz HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && IFS= read -r status <&3 && [[ $status == *' 200 '* ]]"]
ENTRYPOINT ["dotnet", "CityTwin.Web.dll"]
