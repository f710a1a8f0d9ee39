using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using LoomExchange.Gateway.Configuration;

namespace LoomExchange.Gateway.Sessions;

/// <summary>The configured API keys; checks a Logon's credentials in constant time per key.</summary>
public sealed class ApiKeyStore
{
    private readonly FrozenDictionary<string, (byte[] Secret, long AccountId)> _keys;

    public ApiKeyStore(IEnumerable<ApiKeyOptions> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var byKey = new Dictionary<string, (byte[], long)>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            byKey[key.Key] = (Encoding.ASCII.GetBytes(key.Secret), key.AccountId);
        }

        _keys = byKey.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public int Count => _keys.Count;

    public bool TryAuthenticate(string apiKey, string secret, out long accountId)
    {
        accountId = 0;
        if (!_keys.TryGetValue(apiKey, out var entry))
        {
            return false;
        }

        // Secrets are at most 64 ASCII characters (the wire field); compare without an early exit.
        Span<byte> presented = stackalloc byte[64];
        if (secret.Length > presented.Length)
        {
            return false;
        }

        var length = Encoding.ASCII.GetBytes(secret, presented);
        if (!CryptographicOperations.FixedTimeEquals(presented[..length], entry.Secret))
        {
            return false;
        }

        accountId = entry.AccountId;
        return true;
    }
}
