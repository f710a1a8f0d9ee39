using Akka.Actor;
using LoomExchange.Actors.Protocol;

namespace LoomExchange.Gateway.Accounts;

/// <summary>
/// Cancel-on-disconnect, handed to the hub by a session that ended without Logout: cancel <paramref name="Resting"/>
/// (symbol, order id), and find out the order ids of <paramref name="InFlight"/> places (their answers never reached the
/// session) by retrying them (the book's dedup answers with the original order id, creating nothing), then cancel those.
/// </summary>
internal sealed record CancelSessionOrders(
    long SessionId,
    long AccountId,
    IReadOnlyList<(string Symbol, long OrderId)> Resting,
    IReadOnlyList<BookCommand> InFlight) : INoSerializationVerificationNeeded;
