using Akka.Streams;
using Akka.Streams.Stage;
using LoomExchange.Messages.Wire;

namespace LoomExchange.Gateway.Pipeline;

/// <summary>The codec at the outbound edge: numbers each server message with the session's own sequence (1, 2, 3, …) and encodes it.</summary>
internal sealed class EncodingStage<T> : GraphStage<FlowShape<WireMessage, T>>
{
    public EncodingStage(Func<WireMessage, long, T> encode)
    {
        Encode = encode;
    }

    internal Func<WireMessage, long, T> Encode { get; }

    private readonly Inlet<WireMessage> _in = new("encoding.in");
    private readonly Outlet<T> _out = new("encoding.out");

    public override FlowShape<WireMessage, T> Shape => new(_in, _out);

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this);

    private sealed class Logic : InAndOutGraphStageLogic
    {
        private readonly EncodingStage<T> _stage;
        private long _sequence;

        public Logic(EncodingStage<T> stage)
            : base(stage.Shape)
        {
            _stage = stage;
            SetHandler(stage._in, this);
            SetHandler(stage._out, this);
        }

        public override void OnPush() => Push(_stage._out, _stage.Encode(Grab(_stage._in), ++_sequence));

        public override void OnPull() => Pull(_stage._in);
    }
}
