using Akka.Actor;

namespace LoomExchange.Gateway.Accounts;

/// <summary>A session of <paramref name="AccountId"/> wants its maker fills and expiries (as <c>AccountEvents</c>).</summary>
internal sealed record RegisterAccountSession(long AccountId, IActorRef Session) : INoSerializationVerificationNeeded;
