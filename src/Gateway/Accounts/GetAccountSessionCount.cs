using Akka.Actor;

namespace LoomExchange.Gateway.Accounts;

/// <summary>Asks the hub how many sessions it forwards to (answered with an <see cref="int"/>); for tests and admin.</summary>
public sealed class GetAccountSessionCount : INoSerializationVerificationNeeded
{
    public static readonly GetAccountSessionCount Instance = new();

    private GetAccountSessionCount()
    {
    }
}
