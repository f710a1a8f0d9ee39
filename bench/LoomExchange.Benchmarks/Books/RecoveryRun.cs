using System.Globalization;
using Akka.Actor;
using LoomExchange.Actors.Protocol;

namespace LoomExchange.Benchmarks.Books;

/// <summary>
/// <c>recovery</c>: journals about N events into one book (snapshots every N/10 events), then measures, each
/// on a freshly started node: recovery from the latest snapshot plus the tail written after it (the newest
/// snapshot is deleted so a real tail remains, as after a crash), and a full replay with every snapshot deleted.
/// Last line: <c>recovery events=… snapshot_recovery_s=… full_replay_events_per_s=…</c>.
/// </summary>
internal static class RecoveryRun
{
    private const string Symbol = "SYM1";

    public static async Task<int> RunAsync(BooksOptions options)
    {
        var dataDir = Directory.CreateTempSubdirectory("loom-recovery-").FullName;
        options = options with { Symbols = 1 };
        var loomOptions = BenchExchange.Options(options, dataDir, snapshotEveryEvents: Math.Max(1, options.Events / 10));
        try
        {
            ulong hash;
            long events;
            await using (var writer = await BenchExchange.StartAsync(loomOptions).ConfigureAwait(false))
            {
                await BooksRun.WarmBooksAsync(writer, [Symbol]).ConfigureAwait(false);
                var flow = new OrderFlow(1, options.Seed);
                long correlation = 1;
                Console.WriteLine($"journaling {options.Events:N0} events into {Symbol} ({writer.Journal.Describe()})");
                var status = await StatusAsync(writer).ConfigureAwait(false);
                while (status.Sequence < options.Events)
                {
                    var batch = (int)Math.Clamp((options.Events - status.Sequence) / 2, 1_000, 200_000);
                    await BooksRun.DriveAsync(writer, [Symbol], flow, batch, correlation, options with { Rate = 0, InFlight = 1_000 }).ConfigureAwait(false);
                    correlation += batch;
                    status = await StatusAsync(writer).ConfigureAwait(false);
                }

                hash = status.StateHash;
                events = status.Sequence;
                Console.WriteLine($"journaled {events:N0} events; {status.OrderCount:N0} resting orders; state hash {hash:x16}");
            }

            // The graceful stop above snapshotted at the end: drop that one so recovery has snapshot + tail.
            var snapshotSeconds = await MeasureRecoveryAsync(loomOptions, hash, deleteAllSnapshots: false).ConfigureAwait(false);
            var replaySeconds = await MeasureRecoveryAsync(loomOptions, hash, deleteAllSnapshots: true).ConfigureAwait(false);
            var replayRate = events / replaySeconds;
            Console.WriteLine($"snapshot + tail recovery: {snapshotSeconds:F3} s; full replay of {events:N0} events: {replaySeconds:F3} s");
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"recovery events={events} snapshot_recovery_s={snapshotSeconds:F3} full_replay_events_per_s={replayRate:F0}"));
            return 0;
        }
        finally
        {
            BooksRun.TryDelete(dataDir);
        }
    }

    private static async Task<double> MeasureRecoveryAsync(Node.Configuration.LoomOptions loomOptions, ulong expectedHash, bool deleteAllSnapshots)
    {
        // Before the node starts: remember-entities restarts the book (and its recovery) as soon as it is up.
        await BenchExchange.DeleteSnapshotsAsync(Node.Hosting.JournalDatabase.From(loomOptions), newestOnly: !deleteAllSnapshots).ConfigureAwait(false);
        await using var exchange = await BenchExchange.StartAsync(loomOptions).ConfigureAwait(false);

        // The book measures its own recovery: from its start to RecoveryCompleted (snapshot load + replay).
        var status = await StatusAsync(exchange).ConfigureAwait(false);
        var seconds = status.RecoveryMicros / 1e6;
        if (status.StateHash != expectedHash)
        {
            throw new InvalidOperationException($"recovered state hash {status.StateHash:x16} differs from the journaled book's {expectedHash:x16}");
        }

        return seconds;
    }

    private static Task<BookStatus> StatusAsync(BenchExchange exchange) =>
        exchange.Region.Ask<BookStatus>(new GetBookStatus(Symbol), TimeSpan.FromMinutes(5));
}
