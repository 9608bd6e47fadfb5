using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Markdig;
using Markdig.Syntax;
using Site.Markdown.Highlighting;
using Site.Core;
using Site.Tests.Support;

namespace Site.Tests.Markdown.Highlighting;

/// <summary>highlight.js itself (hljs-reference.js on Node), and the code blocks the differential tests feed both.</summary>
internal static class HighlightJsReference
{
    public static string Folder => Path.Combine(TestPaths.RepositoryRoot, "tests", "Site.Tests", "Markdown", "Highlighting");

    /// <summary>What highlight.js makes of each block.</summary>
    public static IReadOnlyList<string> Highlight(IReadOnlyList<(string Language, string Code)> blocks)
    {
        var input = JsonSerializer.Serialize(blocks.Select(b => new[] { b.Language, b.Code }));
        return JsonSerializer.Deserialize<List<string>>(RunNode(Path.Combine(Folder, "hljs-reference.js"), input))!;
    }

    /// <summary>Runs a Node script, its standard input given, and returns its standard output; fails on a non-zero exit.</summary>
    public static string RunNode(string script, string input, params string[] arguments)
    {
        var start = new ProcessStartInfo(NodeTools.Executable, [script, .. arguments])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{script} failed: {errors.Result}");
        return output.Result;
    }

    /// <summary>The highlightable fenced blocks of Markdown files, as the site reads them (language mapped, code as written).</summary>
    public static IEnumerable<(string Language, string Code)> FencedBlocks(IEnumerable<string> markdownFiles)
    {
        var pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();
        return markdownFiles
            .SelectMany(file => Markdig.Markdown.Parse(File.ReadAllText(file), pipeline).Descendants<FencedCodeBlock>())
            .Select(block => (Language: CodeLanguages.HighlighterName(block.Info), Code: block.Lines.ToString()))
            .Where(block => block.Language is not null)
            .Select(block => (block.Language!, block.Code));
    }

    /// <summary>The blocks whose C# highlighting differs from highlight.js's, each shown with both, for a failure message.</summary>
    public static string Differences(IReadOnlyList<(string Language, string Code)> blocks, Func<string, string, string?> highlight)
    {
        var expected = Highlight(blocks);
        var report = new StringBuilder();
        var count = 0;
        for (var i = 0; i < blocks.Count; i++)
        {
            var actual = highlight(blocks[i].Language, blocks[i].Code);
            if (actual == expected[i])
                continue;
            if (++count <= 5)
                report.Append($"--- {blocks[i].Language}:\n{blocks[i].Code}\n--- highlight.js:\n{expected[i]}\n--- ours:\n{actual}\n\n");
        }

        return count == 0 ? "" : $"{count} of {blocks.Count} blocks differ\n{report}";
    }
}
