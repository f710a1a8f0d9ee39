using LoomExchange.Actors.Startup;

namespace LoomExchange.Node.Hosting;

/// <summary>
/// Passes the <see cref="PostgresSchemaGate"/> before the actor system starts: registered ahead of Akka.Hosting's hosted
/// service, and the host starts hosted services one after the other in that order.
/// </summary>
internal sealed class PostgresSchemaGateService(JournalDatabase journal, PersistenceWarmupStatus warmup, ILogger<PostgresSchemaGateService> log) : IHostedService
{
    private PostgresSchemaGate? _gate;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (journal.IsSqlite)
        {
            return; // one file, one writer: the books' journal and Akka.Persistence.Sql create their tables in turn
        }

        _gate = await PostgresSchemaGate.EnterAsync(journal.ConnectionString, SchemaGateTiming.ReachWait, SchemaGateTiming.LockWait, log, cancellationToken).ConfigureAwait(false);
        _ = _gate.ReleaseWhenAsync(warmup.Warm, SchemaGateTiming.HoldCap, log); // returns at once when not holding
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_gate is not null)
        {
            await _gate.DisposeAsync().ConfigureAwait(false);
        }
    }
}
