using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Site.Core;

/// <summary>Small helpers over YamlDotNet's representation model, which keeps every node's line and column.</summary>
internal static class Yaml
{
    /// <summary>
    /// Parses one YAML document whose first line is line <paramref name="firstLine"/> of <paramref name="path"/>.
    /// Returns null (and reports <paramref name="code"/>) when it is malformed or not a mapping.
    /// </summary>
    public static YamlMappingNode? LoadMapping(string text, string path, int firstLine, string code, string what, Diagnostics diagnostics)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var at = new SourceLocation(path, firstLine + (int)e.Start.Line - 1, (int)e.Start.Column);
            diagnostics.Error(code, at, $"malformed {what}: {FirstLine(e.Message)}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet throws this, without a position, for some unclosed flow collections ("tags: [a, b").
            diagnostics.Error(code, new SourceLocation(path, firstLine, 1), $"malformed {what}: an unclosed '[', '{{' or quote?");
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
            return new YamlMappingNode();
        if (stream.Documents[0].RootNode is YamlMappingNode mapping)
            return mapping;

        var root = stream.Documents[0].RootNode;
        diagnostics.Error(code, Location(root, path, firstLine), $"malformed {what}: expected 'key: value' pairs");
        return null;
    }

    public static SourceLocation Location(YamlNode node, string path, int firstLine) =>
        new(path, firstLine + (int)node.Start.Line - 1, (int)node.Start.Column);

    /// <summary>Converts a node into plain strings, lists and dictionaries, for templates.</summary>
    public static object? ToPlain(YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Value,
        YamlSequenceNode sequence => sequence.Children.Select(ToPlain).ToList(),
        YamlMappingNode mapping => mapping.Children.ToDictionary(
            pair => ((YamlScalarNode)pair.Key).Value ?? "", pair => ToPlain(pair.Value), StringComparer.Ordinal),
        _ => null,
    };

    public static string? Scalar(YamlNode node) => node is YamlScalarNode scalar ? scalar.Value : null;

    private static string FirstLine(string message)
    {
        // YamlDotNet's messages start with "(Line: 3, Col: 7, Idx: 40) - (Line ...): "; the location is ours to print.
        var text = message;
        var close = text.LastIndexOf("): ", StringComparison.Ordinal);
        if (text.StartsWith("(Line", StringComparison.Ordinal) && close > 0)
            text = text[(close + 3)..];
        return text.Split('\n')[0].Trim();
    }
}
