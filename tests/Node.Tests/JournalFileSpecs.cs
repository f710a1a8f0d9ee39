using Microsoft.Data.Sqlite;

namespace LoomExchange.Node.Tests;

/// <summary>
/// What lands on disk: the books' rows in the group-commit journal file, written by our serializer
/// (a misspelled binding would silently fall back to JSON with another serializer id).
/// </summary>
public sealed class JournalFileSpecs
{
    [Fact]
    public async Task Should_journal_book_batches_with_the_exchange_serializer_in_the_books_file()
    {
        await using var node = await NodeProcess.StartAsync();
        var placed = await node.Client.PlaceAsync(new PlaceOrder("AAPL", 1, 1, "buy", "150.00", "10"));
        Assert.Equal("executed", (await placed.ReadAsync<OrderReply>()).Status);
        await node.KillAsync();

        var rows = new List<(string PersistenceId, int SerializerId, string Manifest)>();
        var builder = new SqliteConnectionStringBuilder { DataSource = Path.Combine(node.DataDir, "books.db"), Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        await using (var connection = new SqliteConnection(builder.ToString()))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT persistence_id, serializer_id, manifest FROM book_journal";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetString(0), reader.GetInt32(1), reader.GetString(2)));
            }
        }

        Assert.Contains(("orderbook-AAPL", 7401, "bb"), rows);
        Assert.All(rows, row => Assert.Equal(7401, row.SerializerId));
    }
}
