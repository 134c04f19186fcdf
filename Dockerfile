FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/OneStop/OneStop.csproj -c Release -o /app \
 && dotnet publish tools/OneStop.Balancer/OneStop.Balancer.csproj -c Release -o /balancer

# The YARP balancer in front of several nodes (docker-compose.yml builds it with `target: balancer`).
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS balancer
WORKDIR /balancer
COPY --from=build /balancer .
ENTRYPOINT ["dotnet", "OneStop.Balancer.dll"]

# The service. Last, so a plain `docker build .` still builds it.
FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENTRYPOINT ["dotnet", "OneStop.dll"]
