using System.Net;
using Microsoft.Extensions.Logging;

namespace LoomExchange.Admin;

/// <summary>
/// Guards every admin endpoint: loopback callers only (unless <see cref="AdminOptions.AllowRemote"/>), then the bearer
/// token; logs each call with the caller's address and the outcome.
/// </summary>
public sealed partial class AdminAccessFilter(BearerToken token, bool allowRemote, ILogger logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var caller = http.Connection.RemoteIpAddress;
        var what = $"{http.Request.Method} {http.Request.Path}{http.Request.QueryString}";
        if (!allowRemote && !IsLoopback(caller))
        {
            LogRefused(logger, what, caller?.ToString() ?? "unknown", "not a loopback caller");
            return AdminError.Result(
                StatusCodes.Status403Forbidden,
                "remote_refused",
                "the admin API answers loopback callers only; set Loom:Admin:AllowRemote=true to allow others");
        }

        if (!token.Matches(http.Request.Headers.Authorization.ToString()))
        {
            LogRefused(logger, what, caller?.ToString() ?? "unknown", "missing or wrong bearer token");
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return AdminError.Result(
                StatusCodes.Status401Unauthorized,
                "unauthorized",
                "missing or wrong admin token: send 'Authorization: Bearer <Loom:Admin:Token>' (loomctl reads LOOM_ADMIN_TOKEN or --token)");
        }

        LogCall(logger, what, caller?.ToString() ?? "unknown");
        return await next(context).ConfigureAwait(false);
    }

    internal static bool IsLoopback(IPAddress? address) => address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    [LoggerMessage(Level = LogLevel.Information, Message = "admin {Call} from {Caller}")]
    private static partial void LogCall(ILogger logger, string call, string caller);

    [LoggerMessage(Level = LogLevel.Warning, Message = "admin {Call} from {Caller} refused: {Why}")]
    private static partial void LogRefused(ILogger logger, string call, string caller, string why);
}
