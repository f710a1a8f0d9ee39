namespace LoomExchange.Cli;

/// <summary>loomctl's exit codes: scripts branch on them.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Bad arguments (System.CommandLine's parse errors use it too).</summary>
    public const int Usage = 1;

    /// <summary>The exchange rejected the request.</summary>
    public const int Rejected = 2;

    /// <summary>The gateway or the HTTP API was unreachable, or the logon failed.</summary>
    public const int ConnectionFailure = 3;

    /// <summary>The admin API refused the caller: missing or wrong token, or a non-loopback caller where only loopback is allowed.</summary>
    public const int AuthFailure = 4;

    /// <summary>What the admin command named does not exist: symbol, member, session, order or shard region.</summary>
    public const int NotFound = 5;
}
