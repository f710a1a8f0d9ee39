using LoomExchange.Actors.OrderBooks;
using LoomExchange.Actors.OrderBooks.Journal;
using LoomExchange.Messages.Orders;

namespace LoomExchange.Actors.Tests;

/// <summary>The retry window alone, against the plainest model of it: a list in arrival order, oldest dropped first.</summary>
public sealed class DedupWindowSpecs
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 2)]
    [InlineData(17, 3)]
    [InlineData(100, 4)]
    [InlineData(1000, 5)]
    [InlineData(3000, 6)]
    public void Should_remember_the_last_n_first_outcomes_in_arrival_order(int capacity, int seed)
    {
        var random = new Random(seed);
        var window = new DedupWindow(capacity);
        var model = new List<DedupEntry>();
        for (var i = 0; i < capacity * 5 + 50; i++)
        {
            // Few distinct keys, so that repeats (first outcome wins) and client order id 0 (never remembered) both occur.
            var entry = new DedupEntry(random.Next(1, 4), random.Next(0, capacity * 2 + 2), CommandType.Place, i, RejectReason.None, i);
            window.Remember(entry);
            if (entry.ClientOrderId != 0 && !model.Exists(e => e.AccountId == entry.AccountId && e.ClientOrderId == entry.ClientOrderId))
            {
                model.Add(entry);
                if (model.Count > capacity)
                {
                    model.RemoveAt(0);
                }
            }

            Assert.Equal(model.Count, window.Count);
        }

        Assert.Equal(model, window.Export());
        foreach (var entry in model)
        {
            Assert.True(window.TryGet(entry.AccountId, entry.ClientOrderId, out var found));
            Assert.Equal(entry, found);
        }

        var copy = new DedupWindow(capacity);
        copy.Import(window.Export());
        Assert.Equal(model, copy.Export());
    }

    [Theory]
    [InlineData(5_000, 1)]
    [InlineData(2_048, 2)]
    public void Should_leave_an_export_unchanged_while_the_window_keeps_taking_and_forgetting(int capacity, int seed)
    {
        // Snapshots carry the export, not a copy, and are serialized later on another thread: whatever the window does
        // afterwards (new chunks, evictions that drop whole chunks) must not show in an export already taken.
        var random = new Random(seed);
        var window = new DedupWindow(capacity);
        var model = new List<DedupEntry>();
        var exports = new List<(IReadOnlyList<DedupEntry> Export, DedupEntry[] Expected)>();
        for (var i = 1; i <= capacity * 3; i++)
        {
            var entry = new DedupEntry(random.Next(1, 4), i, CommandType.Place, i, RejectReason.None, i);
            window.Remember(entry);
            model.Add(entry);
            if (model.Count > capacity)
            {
                model.RemoveAt(0);
            }

            if (random.Next(500) == 0 || i % DedupWindow.MaxChunkLength == 0)
            {
                exports.Add((window.Export(), model.ToArray()));
            }
        }

        Assert.True(exports.Count > 5);
        foreach (var (export, expected) in exports)
        {
            Assert.Equal(expected.Length, export.Count);
            Assert.Equal(expected, export);
            Assert.Equal(expected[^1], export[export.Count - 1]);
            Assert.Equal(expected[expected.Length / 2], export[expected.Length / 2]);
        }
    }

    [Fact]
    public void Should_forget_the_oldest_outcome_once_full()
    {
        var window = new DedupWindow(2);
        window.Remember(Entry(1));
        window.Remember(Entry(2));
        window.Remember(Entry(3));

        Assert.False(window.TryGet(7, 1, out _));
        Assert.True(window.TryGet(7, 2, out _));
        Assert.True(window.TryGet(7, 3, out _));
        Assert.Equal([2L, 3L], window.Export().Select(e => e.ClientOrderId));
    }

    private static DedupEntry Entry(long clientOrderId) => new(7, clientOrderId, CommandType.Place, clientOrderId, RejectReason.None, clientOrderId);
}
