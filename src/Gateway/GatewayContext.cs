using Akka.Actor;
using Akka.Event;
using LoomExchange.Actors.Instruments;
using LoomExchange.Gateway.Access;
using LoomExchange.Gateway.Configuration;
using LoomExchange.Gateway.OrderChecks;
using LoomExchange.Gateway.Sessions;

namespace LoomExchange.Gateway;

/// <summary>
/// What every connection of one node shares: settings, credentials, instrument rules, the per-address limits, the
/// actors it talks to (order-book region, account-events hub, session registry) and the session count.
/// </summary>
public sealed class GatewayContext
{
    private long _lastSessionId;
    private int _sessions;

    public GatewayContext(
        GatewayOptions options,
        InstrumentRegistry instruments,
        IActorRef orderBooks,
        IActorRef accountEvents,
        IActorRef sessionRegistry,
        ILoggingAdapter log)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        ApiKeys = new ApiKeyStore(options.ApiKeys);
        Rules = new InstrumentRules(instruments);
        Access = new AddressRateLimits(options.AddressMessagesPerSecond, options.BlockedAddresses);
        OrderBooks = orderBooks;
        AccountEvents = accountEvents;
        SessionRegistry = sessionRegistry;
        Log = log;

        // Session ids unique per node across restarts: milliseconds of the start in the high bits.
        _lastSessionId = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() & 0xFF_FFFF_FFFF) << 20;
    }

    public GatewayOptions Options { get; }

    public ApiKeyStore ApiKeys { get; }

    public InstrumentRules Rules { get; }

    public AddressRateLimits Access { get; }

    /// <summary>The <c>orderbook</c> shard region (or a test double answering <c>BookCommand</c>s).</summary>
    public IActorRef OrderBooks { get; }

    public IActorRef AccountEvents { get; }

    public IActorRef SessionRegistry { get; }

    public ILoggingAdapter Log { get; }

    public int ActiveSessions => Volatile.Read(ref _sessions);

    internal long NextSessionId() => Interlocked.Increment(ref _lastSessionId);

    /// <summary>Counts a logged-on session unless <see cref="GatewayOptions.MaxSessions"/> are already open.</summary>
    internal bool TryOpenSession()
    {
        if (Interlocked.Increment(ref _sessions) <= Options.MaxSessions)
        {
            return true;
        }

        Interlocked.Decrement(ref _sessions);
        return false;
    }

    internal void CloseSession() => Interlocked.Decrement(ref _sessions);
}
