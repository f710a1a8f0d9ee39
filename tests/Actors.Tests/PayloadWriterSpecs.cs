using LoomExchange.Actors.Serialization;

namespace LoomExchange.Actors.Tests;

/// <summary>The writer's pooled buffer: what is written before and after each growth reads back whole, once or reused.</summary>
public sealed class PayloadWriterSpecs
{
    [Theory]
    [InlineData(1)]
    [InlineData(1_000)]
    [InlineData(300_000)]
    public void Should_read_back_every_value_written_across_buffer_growths(int count)
    {
        using var writer = new PayloadWriter(initialCapacity: 16);
        for (var i = 0; i < count; i++)
        {
            writer.WriteVarLong(ValueAt(i));
            if (i % 1_000 == 0)
            {
                writer.WriteString($"marker {i}");
            }
        }

        var bytes = writer.ToArray();

        var reader = new PayloadReader(bytes);
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(ValueAt(i), reader.ReadVarLong());
            if (i % 1_000 == 0)
            {
                Assert.Equal($"marker {i}", reader.ReadString());
            }
        }

        reader.ExpectEnd();
    }

    [Fact]
    public void Should_give_an_empty_payload_after_dispose_and_start_over_when_written_again()
    {
        var writer = new PayloadWriter();
        writer.WriteVarLong(long.MaxValue);
        writer.Dispose();
        Assert.Empty(writer.ToArray());

        writer.WriteVarLong(-5);
        var reader = new PayloadReader(writer.ToArray());
        Assert.Equal(-5, reader.ReadVarLong());
        reader.ExpectEnd();
        writer.Dispose();
    }

    // Large and small, positive and negative: varints of every length from 1 to 10 bytes.
    private static long ValueAt(int i) => (i % 4) switch
    {
        0 => i,
        1 => -i,
        2 => long.MaxValue - i,
        _ => long.MinValue + i,
    };
}
