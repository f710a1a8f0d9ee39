using System.Globalization;
using Akka.Actor;
using Akka.Hosting;
using LoomExchange.Actors.Instruments;
using LoomExchange.Actors.OrderBooks;
using LoomExchange.Actors.Protocol;
using LoomExchange.Admin;
using LoomExchange.Engine;
using LoomExchange.Messages.Instruments;
using LoomExchange.Node.Hosting;
using LoomExchange.Node.Http;

namespace LoomExchange.Node.Admin;

/// <summary><c>exchange snapshot SYMBOL</c> and <c>exchange replay SYMBOL --at SEQUENCE|TIMESTAMP</c>.</summary>
internal static class BookHistoryAdmin
{
    /// <summary>A full journal replay of a busy book takes a while (recovery runs at tens of thousands of events per second).</summary>
    private static readonly TimeSpan ReplayTimeout = TimeSpan.FromMinutes(2);

    public static void MapBookHistoryAdmin(this RouteGroupBuilder exchange)
    {
        exchange.MapPost("/books/{symbol}/snapshot", SnapshotAsync);
        exchange.MapGet("/books/{symbol}/replay", ReplayAsync);
    }

    private static async Task<IResult> SnapshotAsync(string symbol, InstrumentRegistry registry, IRequiredActor<OrderBookRegion> region)
    {
        if (!ExchangeAdmin.TryGetSpec(symbol, registry, out var spec, out var unknown))
        {
            return unknown;
        }

        return await ExchangeAdmin.AskAsync(region, new SnapshotBook(spec.Symbol), (BookSnapshotTaken taken) => taken.Saved
            ? Results.Ok(taken)
            : AdminError.Result(StatusCodes.Status422UnprocessableEntity, "snapshot_failed", taken.Error)).ConfigureAwait(false);
    }

    /// <summary>Runs a <see cref="BookReplayActor"/> on this node against the books' journal; the live entity is not involved.</summary>
    private static async Task<IResult> ReplayAsync(string symbol, string? at, int? depth, InstrumentRegistry registry, OrderBookSettings settings, ActorSystem system)
    {
        if (!ExchangeAdmin.TryGetSpec(symbol, registry, out var spec, out var unknown))
        {
            return unknown;
        }

        if (!TryParseCut(at, out var cut))
        {
            return AdminError.BadRequest("invalid_point", $"--at '{at}' is neither a book sequence number (digits) nor an ISO 8601 timestamp (2026-01-31T12:00:00Z)");
        }

        var answer = new TaskCompletionSource<BookReplayResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var inbox = system.ActorOf(Props.Create(() => new ReplyTo(answer)));
        system.ActorOf(BookReplayActor.Props(spec.Symbol, registry, settings.JournalPluginId, cut, depth ?? 10, inbox));
        try
        {
            var result = await answer.Task.WaitAsync(ReplayTimeout).ConfigureAwait(false);
            return result.Error is null
                ? Results.Ok(View(result, spec, at!))
                : AdminError.Result(StatusCodes.Status500InternalServerError, "journal_unreadable", result.Error);
        }
        catch (TimeoutException)
        {
            return AdminError.Timeout($"the replay of {spec.Symbol}");
        }
        finally
        {
            system.Stop(inbox);
        }
    }

    internal static bool TryParseCut(string? at, out BookReplayCut cut)
    {
        cut = default;
        if (string.IsNullOrWhiteSpace(at))
        {
            return false;
        }

        if (long.TryParse(at, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            cut = BookReplayCut.AtSequence(sequence);
            return true;
        }

        if (DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            cut = BookReplayCut.AtTime(time);
            return true;
        }

        return false;
    }

    private static ReplayView View(BookReplayResult r, InstrumentSpec spec, string at)
    {
        LevelView Level(PriceLevelView l) => new(spec.FormatPrice(l.Price), spec.FormatQuantity(l.Quantity), l.OrderCount);
        return new ReplayView(
            r.Symbol,
            at,
            r.EventsApplied,
            r.Sequence,
            r.TimestampNanos == 0 ? null : DateTimeOffset.UnixEpoch.AddTicks(r.TimestampNanos / 100),
            r.OrderCount,
            r.StateHash,
            r.Halted,
            spec.FormatPrice(r.LastTradePrice),
            [.. r.Bids.Select(Level)],
            [.. r.Asks.Select(Level)]);
    }

    /// <summary>Completes the request's task with the replay's one answer.</summary>
    private sealed class ReplyTo : ReceiveActor
    {
        public ReplyTo(TaskCompletionSource<BookReplayResult> answer) => Receive<BookReplayResult>(r => answer.TrySetResult(r));
    }
}
