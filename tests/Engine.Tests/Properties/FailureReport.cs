using System.Globalization;
using System.Text;
using LoomExchange.Messages.Orders;

namespace LoomExchange.Engine.Tests.Properties;

/// <summary>Readable descriptions of a failed comparison: both event lists or both book states, in full.</summary>
internal static class FailureReport
{
    public static string EventsDiffer(int index, OrderCommand command, IReadOnlyList<OrderEvent> expected, IReadOnlyList<OrderEvent> actual)
    {
        var text = new StringBuilder();
        var first = Enumerable.Range(0, Math.Min(expected.Count, actual.Count)).FirstOrDefault(k => expected[k] != actual[k], Math.Min(expected.Count, actual.Count));
        text.AppendLine(CultureInfo.InvariantCulture, $"events differ at command {index} (first difference: event {first} of the command): {Scenario.Describe(command)}");
        text.AppendLine("expected:");
        foreach (var e in expected)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {e}");
        }

        text.AppendLine("actual:");
        foreach (var e in actual)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {e}");
        }

        return text.ToString();
    }

    public static string StatesDiffer(string context, BookSnapshot expected, BookSnapshot actual)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"book state differs {context}");
        text.AppendLine(CultureInfo.InvariantCulture, $"expected: seq {expected.Sequence}, next order {expected.NextOrderId}, next trade {expected.NextTradeId}, last price {expected.LastTradePrice}");
        foreach (var o in expected.Orders)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {o}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"actual: seq {actual.Sequence}, next order {actual.NextOrderId}, next trade {actual.NextTradeId}, last price {actual.LastTradePrice}");
        foreach (var o in actual.Orders)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {o}");
        }

        return text.ToString();
    }
}
