using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace LoomExchange.Node.Http;

/// <summary><c>/health/live</c> (the actor system runs) and <c>/health/ready</c> (cluster member Up and journal reachable).</summary>
public static class HealthEndpoints
{
    public static void MapExchangeHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = check => check.Tags.Contains("liveness") });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
    }
}
