using System.Text;
using System.Text.Json;

namespace LoomExchange.Messages.Wire;

/// <summary>One property of a message's JSON form. Optional fields take their default when absent.</summary>
internal sealed class JsonField
{
    private JsonField(string name, JsonFieldKind kind, int width, JsonEnumTable? enumTable, bool optional, long defaultNumber)
    {
        Name = name;
        Utf8Name = Encoding.UTF8.GetBytes(name);
        EncodedName = JsonEncodedText.Encode(name);
        Kind = kind;
        Width = width;
        EnumTable = enumTable;
        Optional = optional;
        DefaultNumber = defaultNumber;
    }

    public string Name { get; }

    public byte[] Utf8Name { get; }

    public JsonEncodedText EncodedName { get; }

    public JsonFieldKind Kind { get; }

    /// <summary>The most characters a text field holds.</summary>
    public int Width { get; }

    public JsonEnumTable? EnumTable { get; }

    public bool Optional { get; }

    /// <summary>The value of an absent optional number, boolean (0/1) or enum; absent optional text is "".</summary>
    public long DefaultNumber { get; }

    public static JsonField Int64(string name, bool optional = false) => new(name, JsonFieldKind.Int64, 0, null, optional, 0);

    public static JsonField NonNegativeInt32(string name, bool optional = false) =>
        new(name, JsonFieldKind.NonNegativeInt32, 0, null, optional, 0);

    public static JsonField Boolean(string name, bool optional = false) => new(name, JsonFieldKind.Boolean, 0, null, optional, 0);

    public static JsonField Enum(string name, JsonEnumTable table) => new(name, JsonFieldKind.Enum, 0, table, false, 0);

    public static JsonField Enum(string name, JsonEnumTable table, long defaultValue) =>
        new(name, JsonFieldKind.Enum, 0, table, true, defaultValue);

    public static JsonField Identifier(string name, int width) => new(name, JsonFieldKind.Identifier, width, null, false, 0);

    public static JsonField FreeText(string name) =>
        new(name, JsonFieldKind.FreeText, BinaryLayout.TextFieldSize, null, true, 0);
}
