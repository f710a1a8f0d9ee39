using System.Security.Cryptography;
using System.Text;

namespace LoomExchange.Admin;

/// <summary>The configured admin token, compared in constant time (also independent of the presented token's length).</summary>
public sealed class BearerToken
{
    private readonly byte[] _hash;

    public BearerToken(string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        _hash = SHA256.HashData(Encoding.UTF8.GetBytes(token));
    }

    /// <summary>Whether an <c>Authorization</c> header value is <c>Bearer &lt;the token&gt;</c>.</summary>
    public bool Matches(string? authorization)
    {
        const string Scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // Hashing first makes both sides 32 bytes, so the comparison time says nothing about the token's length either.
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(authorization[Scheme.Length..].Trim()));
        return CryptographicOperations.FixedTimeEquals(presented, _hash);
    }
}
