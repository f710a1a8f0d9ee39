using Akka.Actor;

namespace LoomExchange.Gateway.Sessions;

/// <summary>Asks the <see cref="SessionRegistry"/> for its live sessions; answered with <see cref="SessionList"/>.</summary>
public sealed class ListSessions : INoSerializationVerificationNeeded
{
    public static readonly ListSessions Instance = new();

    private ListSessions()
    {
    }
}
