using System.Collections.Immutable;
using Site.Core;

namespace Site.Reading;

/// <summary>A comparison table defined in input/data/NAME.yml, shown on pages with <c>::: comparison NAME</c>.</summary>
internal sealed record DataTable(string Name, string DisplayPath, string Title, ImmutableArray<DataColumn> Columns, ImmutableArray<DataRow> Rows);

internal sealed record DataColumn(string Key, string Label);

/// <summary>One row: its cells (inline Markdown) by column key, an optional page it links to, an optional topic to filter by.</summary>
internal sealed record DataRow(ImmutableDictionary<string, string> Cells, string? Link, string? Topic, SourceLocation At, SourceLocation? LinkAt);
