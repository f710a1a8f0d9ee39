namespace LoomExchange.Messages.Wire;

/// <summary>
/// The field values of one message by position in its <see cref="JsonMessageSchema"/>: numbers, booleans and enums
/// as longs, text as strings. The bridge between a record and the generic JSON reader and writer.
/// </summary>
internal sealed class JsonSlots
{
    private readonly long[] _numbers;
    private readonly string[] _texts;

    public JsonSlots(int count)
    {
        _numbers = new long[count];
        _texts = new string[count];
        Array.Fill(_texts, string.Empty);
    }

    public long Long(int index) => _numbers[index];

    /// <summary>A value the reader has range-checked to fit an int.</summary>
    public int Int(int index) => (int)_numbers[index];

    public bool Bool(int index) => _numbers[index] != 0;

    public string Text(int index) => _texts[index];

    public JsonSlots Set(int index, long value)
    {
        _numbers[index] = value;
        return this;
    }

    public JsonSlots Set(int index, bool value) => Set(index, value ? 1L : 0L);

    public JsonSlots Set(int index, string value)
    {
        _texts[index] = value;
        return this;
    }
}
