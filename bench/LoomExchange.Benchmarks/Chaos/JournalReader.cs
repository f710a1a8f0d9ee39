using LoomExchange.Actors.OrderBooks;
using LoomExchange.Actors.OrderBooks.Journal;
using LoomExchange.Actors.Serialization;
using Npgsql;

namespace LoomExchange.Benchmarks.Chaos;

/// <summary>
/// Reads every order book's journal from PostgreSQL as Akka.Persistence.Sql stores it (table <c>journal</c>, one row
/// per persisted message: persistence_id <c>orderbook-SYMBOL</c>, sequence_number, manifest, message bytes) and
/// decodes the rows with the exchange's own serializer, without an actor system.
/// </summary>
internal static class JournalReader
{
    private static readonly string Prefix = OrderBookActor.PersistenceIdOf(string.Empty);

    public static async Task<IReadOnlyDictionary<string, JournaledBook>> ReadAsync(string connectionString)
    {
        // The serializer uses no actor-system service to read journal payloads.
        var serializer = new ExchangeSerializer(null!);
        var books = new Dictionary<string, JournaledBook>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "SELECT persistence_id, sequence_number, manifest, identifier, message FROM journal "
            + $"WHERE persistence_id LIKE '{Prefix}%' AND deleted = false ORDER BY persistence_id, sequence_number",
            connection);
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            var persistenceId = reader.GetString(0);
            var symbol = persistenceId[Prefix.Length..];
            if (!books.TryGetValue(symbol, out var book))
            {
                books[symbol] = book = new JournaledBook(symbol);
            }

            var identifier = reader.GetInt32(3);
            if (identifier != ExchangeSerializer.SerializerId)
            {
                throw new InvalidDataException($"{persistenceId} row {reader.GetInt64(1)} has serializer {identifier}, not ours ({ExchangeSerializer.SerializerId})");
            }

            book.Add(reader.GetInt64(1), serializer.FromBinary((byte[])reader[4], reader.GetString(2)));
        }

        return books;
    }
}

/// <summary>One book's journal: its rows in sequence order, and what they say.</summary>
internal sealed class JournaledBook(string symbol)
{
    public string Symbol { get; } = symbol;

    public List<BookBatch> Batches { get; } = [];

    public LoomExchange.Messages.Instruments.InstrumentSpec? Spec { get; private set; }

    public int Rows { get; private set; }

    /// <summary>Row sequence numbers that do not follow the one before (a gap or a second writer).</summary>
    public List<string> RowProblems { get; } = [];

    private long _lastRow;

    public void Add(long rowSequence, object message)
    {
        if (rowSequence != _lastRow + 1)
        {
            RowProblems.Add($"row {rowSequence} after row {_lastRow}");
        }

        _lastRow = rowSequence;
        Rows++;
        switch (message)
        {
            case BookBatch batch:
                Batches.Add(batch);
                break;
            case InstrumentChanged changed:
                Spec = changed.Spec;
                break;
            default:
                break;
        }
    }
}
