using Akka.Actor;
using Akka.DistributedData;
using LoomExchange.Actors.Instruments;
using LoomExchange.Actors.Protocol;
using LoomExchange.Actors.Risk;
using LoomExchange.Messages.Instruments;

namespace LoomExchange.Node.Admin;

/// <summary>
/// Keeps this node's <see cref="InstrumentRegistry"/> and <see cref="AccountBlocklist"/> in step with the cluster through
/// Distributed Data: run-time listings in an LWW dictionary (symbol → rules), kill-switched accounts in an OR-set. A node that
/// joins later receives both by gossip. Admin calls on any node change them here: applied locally at once, then written
/// to every exchange node's replica (<see cref="WriteAll"/>), and answered with whether every replica confirmed in time.
/// </summary>
/// <remarks>
/// Not durable: after a restart of the whole cluster the kill switches and run-time listings are gone (the books keep
/// their journaled rules); put permanent listings in <c>Loom:Instruments</c>.
/// </remarks>
public sealed class ExchangeReplicator : ReceiveActor
{
    public const string Name = "exchange-replicator";

    private static readonly LWWDictionaryKey<string, InstrumentListing> InstrumentsKey = new("loom-instruments");
    private static readonly ORSetKey<long> BlockedKey = new("loom-kill-switch");
    private static readonly TimeSpan WriteTimeout = TimeSpan.FromSeconds(3);

    private readonly IActorRef _replicator = DistributedData.Get(Context.System).Replicator;
    private readonly Akka.Cluster.Cluster _cluster = Akka.Cluster.Cluster.Get(Context.System);

    public ExchangeReplicator(InstrumentRegistry registry, AccountBlocklist blocklist)
    {
        Receive<Changed>(changed =>
        {
            if (changed.Key.Equals(InstrumentsKey))
            {
                foreach (var (_, listing) in changed.Get(InstrumentsKey).Entries)
                {
                    registry.Set(listing.Spec);
                }
            }
            else if (changed.Key.Equals(BlockedKey))
            {
                blocklist.Replace(changed.Get(BlockedKey).Elements);
            }
        });
        Receive<ListInstrument>(list =>
        {
            registry.Set(list.Spec);
            _replicator.Tell(Dsl.Update(
                InstrumentsKey,
                LWWDictionary<string, InstrumentListing>.Empty,
                new WriteAll(WriteTimeout),
                Sender,
                map => map.SetItem(_cluster, list.Spec.Symbol, new InstrumentListing(list.Spec))));
        });
        Receive<SetAccountBlock>(block =>
        {
            if (block.Blocked)
            {
                blocklist.Block(block.AccountId);
            }
            else
            {
                blocklist.Lift(block.AccountId);
            }

            _replicator.Tell(Dsl.Update(
                BlockedKey,
                ORSet<long>.Empty,
                new WriteAll(WriteTimeout),
                Sender,
                set => block.Blocked ? set.Add(_cluster, block.AccountId) : set.Remove(_cluster, block.AccountId)));
        });
        Receive<UpdateSuccess>(success => ((IActorRef)success.Request!).Tell(new Replicated(true)));
        Receive<IUpdateFailure>(failure => ((IActorRef)failure.Request!).Tell(new Replicated(false)));
    }

    public static Props Props(InstrumentRegistry registry, AccountBlocklist blocklist) =>
        Akka.Actor.Props.Create(() => new ExchangeReplicator(registry, blocklist));

    protected override void PreStart()
    {
        _replicator.Tell(Dsl.Subscribe(InstrumentsKey, Self));
        _replicator.Tell(Dsl.Subscribe(BlockedKey, Self));
    }

    /// <summary>List a symbol or change its rules on every node; answered with <see cref="Replicated"/>.</summary>
    public sealed record ListInstrument(InstrumentSpec Spec) : INoSerializationVerificationNeeded;

    /// <summary>Turn an account's kill switch on or off on every node; answered with <see cref="Replicated"/>.</summary>
    public sealed record SetAccountBlock(long AccountId, bool Blocked) : INoSerializationVerificationNeeded;

    /// <summary>Applied here; <paramref name="ToAll"/>: every exchange node's replica confirmed in time (otherwise gossip carries it later).</summary>
    public sealed record Replicated(bool ToAll) : INoSerializationVerificationNeeded;
}
