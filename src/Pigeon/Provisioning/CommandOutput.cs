using System.Text.Json.Nodes;
using Spectre.Console;

namespace Pigeon.Provisioning;

/// <summary>
/// Where a provisioning command writes its result: one JSON document on one line for scripts (<c>--json</c>),
/// otherwise tables and labelled lines for people — drawn with Spectre.Console on a terminal, plain aligned text
/// when the output is redirected (so pipes and greps see no box drawing or colour codes).
/// </summary>
internal sealed class CommandOutput(TextWriter writer, bool json)
{
    private readonly bool _interactive = ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;

    public bool Json { get; } = json;

    public Task JsonAsync(JsonNode node) => writer.WriteLineAsync(node.ToJsonString());

    public Task LineAsync(string line) => writer.WriteLineAsync(line);

    /// <summary>Labelled values, one a line, labels aligned.</summary>
    public async Task FieldsAsync(IReadOnlyList<(string Label, string Value)> fields)
    {
        var width = fields.Count == 0 ? 0 : fields.Max(f => f.Label.Length);
        foreach (var (label, value) in fields)
        {
            await writer.WriteLineAsync($"{label.PadRight(width)}  {value}");
        }
    }

    public async Task TableAsync(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        if (rows.Count == 0)
        {
            await writer.WriteLineAsync("(none)");
            return;
        }

        if (_interactive)
        {
            var table = new Table().Border(TableBorder.Rounded);
            foreach (var header in headers)
            {
                table.AddColumn(new TableColumn(Markup.Escape(header)));
            }

            foreach (var row in rows)
            {
                table.AddRow([.. row.Select(cell => new Text(cell))]);
            }

            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
            console.Write(table);
            return;
        }

        var widths = headers.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
        await writer.WriteLineAsync(Format(headers, widths));
        foreach (var row in rows)
        {
            await writer.WriteLineAsync(Format(row, widths));
        }
    }

    private static string Format(IReadOnlyList<string> cells, int[] widths) =>
        string.Join("  ", cells.Select((cell, i) => i == cells.Count - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd();
}
