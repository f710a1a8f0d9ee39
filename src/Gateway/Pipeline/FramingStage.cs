using Akka.IO;
using Akka.Streams;
using Akka.Streams.Stage;
using LoomExchange.Messages.Wire;

namespace LoomExchange.Gateway.Pipeline;

/// <summary>
/// Framing and decoding of the binary protocol: cuts the byte stream at each <c>u16</c> little-endian length prefix and
/// decodes each frame (server side). A length above the maximum frame size is answered at once, from the prefix alone,
/// without buffering the frame: a FrameTooLarge failure goes downstream (the session answers ProtocolError + Logout)
/// and the rest of the input is ignored.
/// </summary>
internal sealed class FramingStage : GraphStage<FlowShape<ByteString, DecodeResult>>
{
    public FramingStage(int maxFrameBytes, FrameDecoder decode)
    {
        MaxFrameBytes = maxFrameBytes;
        Decode = decode;
    }

    internal int MaxFrameBytes { get; }

    internal FrameDecoder Decode { get; }

    private readonly Inlet<ByteString> _in = new("framing.in");
    private readonly Outlet<DecodeResult> _out = new("framing.out");

    public override FlowShape<ByteString, DecodeResult> Shape => new(_in, _out);

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this);

    private sealed class Logic : InAndOutGraphStageLogic
    {
        private readonly FramingStage _stage;
        private ByteString _buffer = ByteString.Empty;
        private bool _discarding;

        public Logic(FramingStage stage)
            : base(stage.Shape)
        {
            _stage = stage;
            SetHandler(stage._in, this);
            SetHandler(stage._out, this);
        }

        public override void OnPush()
        {
            var chunk = Grab(_stage._in);
            if (_discarding)
            {
                Pull(_stage._in);
                return;
            }

            // Keep the buffer in one piece so frames are read as spans without copies (only a partial frame is copied).
            _buffer = _buffer.IsEmpty ? chunk : _buffer.Concat(chunk).Compact();
            TryPushFrame();
        }

        public override void OnPull() => TryPushFrame();

        public override void OnUpstreamFinish()
        {
            // A partial frame at the end of the input is dropped with the connection.
            CompleteStage();
        }

        private void TryPushFrame()
        {
            if (!IsAvailable(_stage._out))
            {
                return;
            }

            if (_buffer.Count < BinaryCodec.LengthFieldSize)
            {
                PullIfNeeded();
                return;
            }

            var span = _buffer.ToReadOnlySpan();
            var frameSize = BinaryCodec.LengthFieldSize + (span[0] | (span[1] << 8));
            if (frameSize > _stage.MaxFrameBytes)
            {
                _discarding = true;
                _buffer = ByteString.Empty;
                Push(_stage._out, DecodeResult.Fail(
                    ProtocolErrorCode.FrameTooLarge,
                    $"frame of {frameSize} bytes is above the maximum of {_stage.MaxFrameBytes}"));
                Complete(_stage._out);
                PullIfNeeded();
                return;
            }

            if (span.Length < frameSize)
            {
                PullIfNeeded();
                return;
            }

            var result = _stage.Decode(span[..frameSize]);
            _buffer = span.Length == frameSize ? ByteString.Empty : _buffer.Slice(frameSize);
            Push(_stage._out, result);
        }

        private void PullIfNeeded()
        {
            if (!IsClosed(_stage._in) && !HasBeenPulled(_stage._in))
            {
                Pull(_stage._in);
            }
        }
    }
}
