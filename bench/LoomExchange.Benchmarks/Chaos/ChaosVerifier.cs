using LoomExchange.Actors.OrderBooks.Journal;
using LoomExchange.Engine;
using LoomExchange.Messages.Instruments;
using LoomExchange.Messages.Orders;

namespace LoomExchange.Benchmarks.Chaos;

/// <summary>
/// Checks the exchange's promises after a chaos run, from the clients' answer files and the journal alone:
/// every acknowledged command and every trade a client was told of is in its book's journal exactly once; no client
/// order id got two different answers (and none an answer the journal contradicts); each book's journal replays
/// without a gap to the state its live entity reports.
/// </summary>
internal static class ChaosVerifier
{
    private const int ExamplesKept = 10;

    public static Verification Verify(
        IReadOnlyList<ChaosAnswer> answers,
        IReadOnlyDictionary<string, JournaledBook> journal,
        IReadOnlyDictionary<string, LiveBook> live)
    {
        var v = new Verification();
        var commands = new Dictionary<(string Symbol, long Account, long ClientOrderId), (CommandOutcome Outcome, int Count)>();
        var trades = new Dictionary<string, HashSet<long>>(StringComparer.Ordinal);
        foreach (var book in journal.Values)
        {
            v.Problems.AddRange(book.RowProblems.Take(ExamplesKept).Select(p => $"{book.Symbol}: journal {p}"));
            var (sequence, hash) = Replay(book, v, commands, trades);
            live.TryGetValue(book.Symbol, out var state);
            var check = new BookCheck(book.Symbol, book.Rows, sequence, hash, state?.Sequence, state?.StateHash);
            v.Books.Add(check);
            if (!check.Matches)
            {
                v.Problems.Add(state is null
                    ? $"{book.Symbol}: no live state to compare with the replay"
                    : $"{book.Symbol}: live sequence {state.Sequence} hash {state.StateHash:x16}, journal replay sequence {sequence} hash {hash:x16}");
            }
        }

        foreach (var ((symbol, account, clientOrderId), (_, count)) in commands)
        {
            if (count > 1)
            {
                v.DuplicateCommands += count - 1;
                Example(v, $"{symbol}: account {account} client order id {clientOrderId} is in the journal {count} times");
            }
        }

        CheckAnswers(answers, v, commands, trades);
        return v;
    }

    private static (long Sequence, ulong Hash) Replay(
        JournaledBook journaled,
        Verification v,
        Dictionary<(string, long, long), (CommandOutcome, int)> commands,
        Dictionary<string, HashSet<long>> trades)
    {
        // The state hash covers counters and resting orders, not the trading rules: any valid spec replays the same.
        var book = new OrderBook(journaled.Spec ?? new InstrumentSpec { Symbol = journaled.Symbol });
        var tradeIds = trades[journaled.Symbol] = [];
        foreach (var batch in journaled.Batches)
        {
            var index = 0;
            foreach (var outcome in batch.Commands)
            {
                var key = (journaled.Symbol, outcome.AccountId, outcome.ClientOrderId);
                commands[key] = commands.TryGetValue(key, out var seen) ? (seen.Item1, seen.Item2 + 1) : (outcome, 1);
                for (var i = 0; i < outcome.EventCount; i++)
                {
                    var e = batch.Events[index++];
                    if (e.Sequence <= book.Sequence)
                    {
                        v.DuplicateEvents++;
                        Example(v, $"{journaled.Symbol}: event {e.Sequence} journaled again after {book.Sequence}");
                        continue;
                    }

                    if (e.Type == EventType.Trade && !tradeIds.Add(e.TradeId))
                    {
                        v.DuplicateTrades++;
                        Example(v, $"{journaled.Symbol}: trade {e.TradeId} journaled twice");
                    }

                    try
                    {
                        book.Apply(e);
                    }
                    catch (InvalidOperationException gap)
                    {
                        v.Problems.Add(gap.Message);
                        return (book.Sequence, book.ComputeStateHash());
                    }
                }
            }
        }

        return (book.Sequence, book.ComputeStateHash());
    }

    private static void CheckAnswers(
        IReadOnlyList<ChaosAnswer> answers,
        Verification v,
        Dictionary<(string, long, long), (CommandOutcome Outcome, int Count)> commands,
        Dictionary<string, HashSet<long>> trades)
    {
        var firstAnswer = new Dictionary<(long, long), ChaosAnswer>();
        foreach (var answer in answers)
        {
            v.Requests += answer.Request == "unsolicited" ? 0 : 1;
            if (!answer.IsAnswer)
            {
                v.Unanswered++;
                continue;
            }

            if (!answer.IsOutcomeUnknown)
            {
                if (firstAnswer.TryGetValue((answer.Account, answer.ClientOrderId), out var earlier) && Signature(earlier) != Signature(answer))
                {
                    v.DifferentAnswers++;
                    Example(v, $"account {answer.Account} client order id {answer.ClientOrderId}: answered {Signature(earlier)} and {Signature(answer)}");
                }
                else
                {
                    firstAnswer.TryAdd((answer.Account, answer.ClientOrderId), answer);
                }
            }
            else
            {
                v.OutcomeUnknown++;
            }

            var found = commands.TryGetValue((answer.Symbol, answer.Account, answer.ClientOrderId), out var journaled);
            if (answer.IsAcknowledged)
            {
                v.Acknowledged++;
                if (!found)
                {
                    v.LostAcknowledged++;
                    Example(v, $"{answer.Symbol}: {answer.Outcome} {answer.Request} of account {answer.Account} client order id {answer.ClientOrderId} (order {answer.OrderId}) is not in the journal");
                }
                else if (journaled.Outcome.RejectReason != RejectReason.None || (answer.Request == "new" && journaled.Outcome.OrderId != answer.OrderId))
                {
                    v.DifferentAnswers++;
                    Example(v, $"{answer.Symbol}: client order id {answer.ClientOrderId} answered {Signature(answer)}, journaled as order {journaled.Outcome.OrderId} reject {journaled.Outcome.RejectReason}");
                }

                if (answer.TradeId != 0 && !(trades.TryGetValue(answer.Symbol, out var ids) && ids.Contains(answer.TradeId)))
                {
                    v.LostTrades++;
                    Example(v, $"{answer.Symbol}: trade {answer.TradeId} reported to account {answer.Account} is not in the journal");
                }
            }
            else if (answer.Outcome == "rejected" && !answer.IsOutcomeUnknown && found && journaled.Outcome.RejectReason.ToString() != answer.Reason)
            {
                v.DifferentAnswers++;
                Example(v, $"{answer.Symbol}: client order id {answer.ClientOrderId} answered rejected {answer.Reason}, journaled with reject {journaled.Outcome.RejectReason}");
            }
        }
    }

    private static string Signature(ChaosAnswer answer) => answer.Outcome == "rejected" ? $"rejected {answer.Reason}" : $"order {answer.OrderId}";

    private static void Example(Verification v, string text)
    {
        if (v.Problems.Count < 50)
        {
            v.Problems.Add(text);
        }
    }
}

/// <summary>A book as its live entity reports it (<c>GET /api/books/{symbol}/status</c>).</summary>
internal sealed record LiveBook(string Symbol, long Sequence, long JournaledSequence, ulong StateHash);

/// <summary>One book: its journal replayed against its live state.</summary>
internal sealed record BookCheck(string Symbol, int Rows, long ReplaySequence, ulong ReplayHash, long? LiveSequence, ulong? LiveHash)
{
    public bool Matches => LiveSequence == ReplaySequence && LiveHash == ReplayHash;
}

/// <summary>What the verification found.</summary>
internal sealed class Verification
{
    public long Requests { get; set; }

    public long Acknowledged { get; set; }

    public long Unanswered { get; set; }

    public long OutcomeUnknown { get; set; }

    public long LostAcknowledged { get; set; }

    public long LostTrades { get; set; }

    public long DuplicateCommands { get; set; }

    public long DuplicateEvents { get; set; }

    public long DuplicateTrades { get; set; }

    public long DifferentAnswers { get; set; }

    public long Lost => LostAcknowledged + LostTrades;

    public long Duplicated => DuplicateCommands + DuplicateEvents + DuplicateTrades + DifferentAnswers;

    public List<BookCheck> Books { get; } = [];

    public bool HashesMatch => Books.Count > 0 && Books.All(b => b.Matches);

    public List<string> Problems { get; } = [];
}
