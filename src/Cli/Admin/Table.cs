using System.Text;

namespace LoomExchange.Cli.Admin;

/// <summary>A plain text table: a header row and left-aligned columns as wide as their widest cell.</summary>
internal sealed class Table(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public int Count => _rows.Count;

    public Table Add(params string[] cells)
    {
        _rows.Add(cells);
        return this;
    }

    public override string ToString()
    {
        var widths = headers.Select((h, i) => Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => i < r.Length ? r[i].Length : 0))).ToArray();
        var text = new StringBuilder();
        void Line(string[] cells)
        {
            var line = string.Join("  ", cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadRight(widths[i])));
            text.AppendLine(line.TrimEnd());
        }

        Line(headers);
        foreach (var row in _rows)
        {
            Line(row);
        }

        return text.ToString().TrimEnd('\n', '\r');
    }
}
