namespace LoomExchange.Messages.Wire;

/// <summary>The JSON value a field holds and the binary constraints it carries over.</summary>
internal enum JsonFieldKind
{
    /// <summary>An integer (i64).</summary>
    Int64,

    /// <summary>An integer from 0 to int.MaxValue (u32 in binary, int in the record).</summary>
    NonNegativeInt32,

    Boolean,

    /// <summary>An enum: a name (any case) or a number within the wire width.</summary>
    Enum,

    /// <summary>Printable ASCII up to the field width; encoding throws if a message breaks it.</summary>
    Identifier,

    /// <summary>Printable ASCII up to 64 characters; encoding truncates and replaces instead.</summary>
    FreeText,
}
