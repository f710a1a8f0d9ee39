using Akka.Actor;
using Akka.Persistence;
using Akka.Persistence.TestKit;
using LoomExchange.Actors.Instruments;
using LoomExchange.Actors.OrderBooks;
using LoomExchange.Actors.OrderBooks.Journal;
using LoomExchange.Actors.Protocol;
using LoomExchange.Messages.Instruments;
using LoomExchange.Messages.Orders;
using Xunit.Abstractions;

namespace LoomExchange.Actors.Tests;

/// <summary>
/// Common ground of the order-book entity specs: one actor system per spec with the in-memory TestKit journal,
/// a <see cref="JournalGate"/> installed as write interceptor, and helpers that send commands and wait for replies
/// with deadlines. (Akka.Persistence.TestKit 1.5.73 ships the journal and its behaviours but no xUnit base class,
/// so <see cref="WithJournalWrite"/> is the same few lines as PersistenceTestKit's.)
/// </summary>
public abstract class BookSpec : Akka.TestKit.Xunit2.TestKit, IAsyncLifetime
{
    protected const string Symbol = "BTC-USD";

    /// <summary>Tick 5, lot 10: prices must be multiples of 5, quantities of 10.</summary>
    protected static readonly InstrumentSpec BtcUsd = new()
    {
        Symbol = Symbol,
        PriceDecimals = 2,
        QuantityDecimals = 0,
        TickSize = 5,
        LotSize = 10,
        MinQuantity = 10,
        MaxQuantity = 1_000_000,
    };

    /// <summary>Upper bound for anything that should happen; never waited for in full when things go right.</summary>
    protected static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    /// <summary>How long absence of a message is observed.</summary>
    protected static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(200);

    private long _correlationId;

    protected BookSpec(ITestOutputHelper output)
        : this(output, Akka.Configuration.Config.Empty)
    {
    }

    /// <summary>With <paramref name="extra"/> configuration in front of <see cref="TestConfig"/> (another journal plugin, say).</summary>
    protected BookSpec(ITestOutputHelper output, Akka.Configuration.Config extra)
        : base((extra ?? Akka.Configuration.Config.Empty).WithFallback(TestConfig.Config), output: output)
    {
        var persistence = Persistence.Instance.Apply(Sys);
        JournalRef = persistence.JournalFor(null);
        SnapshotStoreRef = persistence.SnapshotStoreFor(null);
        Journal = TestJournal.FromRef(JournalRef);
        Snapshots = TestSnapshotStore.FromRef(SnapshotStoreRef);
    }

    protected IActorRef JournalRef { get; }

    protected IActorRef SnapshotStoreRef { get; }

    protected ITestJournal Journal { get; }

    protected ITestSnapshotStore Snapshots { get; }

    protected JournalGate Gate { get; } = new();

    protected static InstrumentRegistry Registry { get; } = new([BtcUsd]);

    public Task InitializeAsync() => Journal.OnWrite.SetInterceptorAsync(Gate);

    public Task DisposeAsync()
    {
        Gate.Release();
        return Task.CompletedTask;
    }

    /// <summary>Runs <paramref name="execution"/> with another write behaviour, then puts the gate back.</summary>
    protected async Task WithJournalWrite(Func<JournalWriteBehavior, Task> behaviour, Func<Task> execution)
    {
        ArgumentNullException.ThrowIfNull(behaviour);
        ArgumentNullException.ThrowIfNull(execution);
        try
        {
            await behaviour(Journal.OnWrite);
            await execution();
        }
        finally
        {
            await Journal.OnWrite.SetInterceptorAsync(Gate);
        }
    }

    /// <summary>Runs <paramref name="execution"/> with another recovery behaviour, then lets recoveries pass again.</summary>
    protected async Task WithJournalRecovery(Func<JournalRecoveryBehavior, Task> behaviour, Func<Task> execution)
    {
        ArgumentNullException.ThrowIfNull(behaviour);
        ArgumentNullException.ThrowIfNull(execution);
        try
        {
            await behaviour(Journal.OnRecovery);
            await execution();
        }
        finally
        {
            await Journal.OnRecovery.Pass();
        }
    }

    /// <summary>Starts the book entity of <paramref name="symbol"/> and watches it.</summary>
    protected IActorRef StartBook(OrderBookSettings? settings = null, InstrumentRegistry? registry = null, string symbol = Symbol)
    {
        var book = Sys.ActorOf(OrderBookActor.Props(symbol, registry ?? Registry, settings ?? OrderBookSettings.Default, TimeProvider.System));
        Watch(book);
        return book;
    }

    protected long NextCorrelationId() => Interlocked.Increment(ref _correlationId);

    protected static OrderCommand Limit(long account, long clientOrderId, Side side, long price, long quantity) =>
        OrderCommand.Limit(account, clientOrderId, side, price, quantity, timestamp: 0);

    /// <summary>Sends a command; returns its correlation id without waiting.</summary>
    protected long Send(IActorRef book, OrderCommand command, string symbol = Symbol)
    {
        ArgumentNullException.ThrowIfNull(book);
        var correlationId = NextCorrelationId();
        book.Tell(new BookCommand(symbol, command, correlationId), TestActor);
        return correlationId;
    }

    protected BookCommandResult ExpectResult(long correlationId)
    {
        var result = ExpectMsg<BookCommandResult>(Deadline);
        Assert.Equal(correlationId, result.CorrelationId);
        return result;
    }

    /// <summary>Sends a command and waits for its durable answer.</summary>
    protected BookCommandResult Execute(IActorRef book, OrderCommand command, string symbol = Symbol) =>
        ExpectResult(Send(book, command, symbol));

    /// <summary>The book's status, with its recovery time zeroed: that one differs between equal books.</summary>
    protected BookStatus StatusOf(IActorRef book, string symbol = Symbol)
    {
        ArgumentNullException.ThrowIfNull(book);
        book.Tell(new GetBookStatus(symbol), TestActor);
        return ExpectMsg<BookStatus>(Deadline) with { RecoveryMicros = 0 };
    }

    protected BookDepth DepthOf(IActorRef book, int depth = 50, string symbol = Symbol)
    {
        ArgumentNullException.ThrowIfNull(book);
        book.Tell(new GetBookDepth(symbol, depth), TestActor);
        return ExpectMsg<BookDepth>(Deadline);
    }

    /// <summary>Passivates the book the supported way and waits until it has stopped.</summary>
    protected void Passivate(IActorRef book)
    {
        ArgumentNullException.ThrowIfNull(book);
        book.Tell(Protocol.StopBook.Instance, TestActor);
        ExpectTerminated(book, Deadline);
    }

    /// <summary>The newest snapshot the snapshot store holds for the book, or null.</summary>
    protected BookSnapshotState? LatestSnapshot(string symbol = Symbol)
    {
        SnapshotStoreRef.Tell(new LoadSnapshot(OrderBookActor.PersistenceIdOf(symbol), SnapshotSelectionCriteria.Latest, long.MaxValue), TestActor);
        return ExpectMsg<LoadSnapshotResult>(Deadline).Snapshot?.Snapshot as BookSnapshotState;
    }

    /// <summary>Deletes every snapshot of the book, so that the next start replays the whole journal.</summary>
    protected void DeleteSnapshots(string symbol = Symbol)
    {
        SnapshotStoreRef.Tell(new DeleteSnapshots(OrderBookActor.PersistenceIdOf(symbol), new SnapshotSelectionCriteria(long.MaxValue, DateTime.MaxValue)), TestActor);
        ExpectMsg<DeleteSnapshotsSuccess>(Deadline);
    }
}
