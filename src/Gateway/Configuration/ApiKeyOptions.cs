namespace LoomExchange.Gateway.Configuration;

/// <summary>One API key: the credentials a Logon presents and the account its orders trade for.</summary>
public sealed class ApiKeyOptions
{
    public string Key { get; set; } = string.Empty;

    public string Secret { get; set; } = string.Empty;

    public long AccountId { get; set; }

    /// <summary>A shipped demo key: refused in the production profile.</summary>
    public bool Demo { get; set; }
}
