using LoomExchange.Messages.Wire;

namespace LoomExchange.Gateway.Pipeline;

/// <summary>Decodes one whole frame (the codec at the edge); never throws.</summary>
internal delegate DecodeResult FrameDecoder(ReadOnlySpan<byte> frame);
