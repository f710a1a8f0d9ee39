namespace LoomExchange.Admin;

/// <summary>Configuration of the admin API (section <c>Loom:Admin</c>).</summary>
public sealed class AdminOptions
{
    public const string Section = "Loom:Admin";

    /// <summary>The environment variable loomctl reads its token from; also accepted here so one secret serves both.</summary>
    public const string TokenVariable = "LOOM_ADMIN_TOKEN";

    /// <summary>Bearer token every admin call must present; empty = the admin API is off.</summary>
    public string Token { get; set; } = string.Empty;

    /// <summary>
    /// Whether callers other than loopback may use the admin API. Off by default, so that opening <c>urls</c> to the
    /// network for the WebSocket gateway does not expose administration.
    /// </summary>
    public bool AllowRemote { get; set; }

    /// <summary><c>Loom:Admin</c> from configuration, the token falling back to <c>LOOM_ADMIN_TOKEN</c>.</summary>
    public static AdminOptions From(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new AdminOptions();
        Microsoft.Extensions.Configuration.ConfigurationBinder.Bind(configuration.GetSection(Section), options);
        if (string.IsNullOrWhiteSpace(options.Token))
        {
            options.Token = configuration[TokenVariable] ?? Environment.GetEnvironmentVariable(TokenVariable) ?? string.Empty;
        }

        options.Token = options.Token.Trim();
        return options;
    }
}
