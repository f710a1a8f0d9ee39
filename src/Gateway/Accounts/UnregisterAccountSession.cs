using Akka.Actor;

namespace LoomExchange.Gateway.Accounts;

internal sealed record UnregisterAccountSession(long AccountId, IActorRef Session) : INoSerializationVerificationNeeded;
