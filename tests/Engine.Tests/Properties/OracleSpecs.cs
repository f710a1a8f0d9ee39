using LoomExchange.Engine.Tests.Reference;
using LoomExchange.Messages.Orders;

namespace LoomExchange.Engine.Tests.Properties;

/// <summary>The engine against the reference book of <c>docs/engine.md</c>, event by event, on random command streams.</summary>
public sealed class OracleSpecs
{
    [Fact]
    public void Should_produce_exactly_the_events_of_the_reference_book() =>
        PropertyRuns.Check(
            CommandStreamGenerators.Scenarios,
            scenario =>
            {
                var engine = scenario.NewBook();
                var reference = new ReferenceOrderBook(scenario.Spec, scenario.Options);
                var buffer = new OrderEventBuffer();
                for (var i = 0; i < scenario.Commands.Count; i++)
                {
                    var command = scenario.Commands[i];
                    buffer.Clear();
                    engine.Process(command, buffer);
                    var expected = reference.Process(command);
                    var actual = buffer.ToArray();
                    if (!expected.SequenceEqual(actual))
                    {
                        throw new PropertyFailedException(FailureReport.EventsDiffer(i, command, expected, actual));
                    }

                    var expectedState = reference.ToSnapshot();
                    var actualState = engine.Export();
                    if (!expectedState.ContentEquals(actualState))
                    {
                        throw new PropertyFailedException(FailureReport.StatesDiffer($"after command {i}: {Scenario.Describe(command)}", expectedState, actualState));
                    }
                }

                Assert.Equal(reference.RestingOrders(), engine.Export().Orders);
            },
            PropertyRuns.Oracle);
}
