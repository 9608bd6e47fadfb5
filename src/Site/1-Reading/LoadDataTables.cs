using System.Collections.Immutable;
using Site.Core;
using YamlDotNet.RepresentationModel;

namespace Site.Reading;

/// <summary>
/// Loads every input/data/*.yml into a <see cref="DataTable"/>. Format:
/// <c>title</c>, <c>columns</c> (ordered key: label; default: the keys of the first row) and <c>rows</c> (a list of mappings;
/// the keys <c>link</c> and <c>topic</c> are not columns: link makes the first cell a link, topic lets a page filter rows).
/// </summary>
internal sealed class LoadDataTables : IStage
{
    private static readonly string[] ReservedKeys = ["link", "topic"];

    public Phase Phase => Phase.Input;

    public string Name => "data";

    public async Task<SiteState> RunAsync(SiteState state, BuildContext context, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(context.Options.InputDirectory, ReadFiles.DataFolder);
        if (!Directory.Exists(folder))
            return state;

        var tables = ImmutableDictionary.CreateBuilder<string, DataTable>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder).Where(f => f.EndsWith(".yml") || f.EndsWith(".yaml")).Order(StringComparer.Ordinal))
        {
            var display = context.DisplayPath(Path.GetRelativePath(context.Options.InputDirectory, file));
            var bytes = await File.ReadAllBytesAsync(file, cancellationToken);
            if (ReadFiles.Decode(bytes, display, context.Diagnostics) is not { } text)
                continue;
            if (Parse(Path.GetFileNameWithoutExtension(file), display, text, context.Diagnostics) is { } table)
                tables[table.Name] = table;
        }

        return state with { DataTables = tables.ToImmutable() };
    }

    internal static DataTable? Parse(string name, string path, string text, Diagnostics diagnostics)
    {
        var root = Yaml.LoadMapping(text, path, 1, DiagnosticCodes.MalformedDataFile, "data file", diagnostics);
        if (root is null)
            return null;

        var title = root.Children.TryGetValue(new YamlScalarNode("title"), out var t) ? Yaml.Scalar(t) ?? "" : "";
        if (!root.Children.TryGetValue(new YamlScalarNode("rows"), out var rowsNode) || rowsNode is not YamlSequenceNode rowList)
        {
            diagnostics.Error(DiagnosticCodes.MalformedDataFile, SourceLocation.FileStart(path), "a data file needs 'rows:', a list of mappings");
            return null;
        }

        var rows = ImmutableArray.CreateBuilder<DataRow>();
        foreach (var item in rowList.Children)
        {
            if (item is not YamlMappingNode row)
            {
                diagnostics.Error(DiagnosticCodes.MalformedDataFile, Yaml.Location(item, path, 1), "each row must be a mapping of column: value");
                continue;
            }

            var cells = row.Children.ToImmutableDictionary(p => Yaml.Scalar(p.Key) ?? "", p => Yaml.Scalar(p.Value) ?? "", StringComparer.Ordinal);
            var linkNode = row.Children.FirstOrDefault(p => Yaml.Scalar(p.Key) == "link").Value;
            rows.Add(new DataRow(
                cells.RemoveRange(ReservedKeys),
                cells.GetValueOrDefault("link") is { Length: > 0 } link ? link : null,
                cells.GetValueOrDefault("topic"),
                Yaml.Location(row, path, 1),
                linkNode is null ? null : Yaml.Location(linkNode, path, 1)));
        }

        var columns = ImmutableArray.CreateBuilder<DataColumn>();
        if (root.Children.TryGetValue(new YamlScalarNode("columns"), out var columnsNode))
        {
            if (columnsNode is YamlMappingNode map)
                columns.AddRange(map.Children.Select(p => new DataColumn(Yaml.Scalar(p.Key) ?? "", Yaml.Scalar(p.Value) ?? "")));
            else
                diagnostics.Error(DiagnosticCodes.MalformedDataFile, Yaml.Location(columnsNode, path, 1), "columns must map keys to header labels");
        }
        else if (rows.Count > 0)
        {
            columns.AddRange(rows[0].Cells.Keys.Order(StringComparer.Ordinal).Select(k => new DataColumn(k, Naming.Humanize(k))));
        }

        return new DataTable(name, path, title, columns.ToImmutable(), rows.ToImmutable());
    }
}
