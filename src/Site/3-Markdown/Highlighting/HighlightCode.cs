using System.Collections.Immutable;
using Markdig.Syntax;
using Site.Core;

namespace Site.Markdown.Highlighting;

/// <summary>
/// Highlights every code block of the site in one batch (one Node process per build), so pages ship no highlighter script.
/// Without Node the build goes on with plain code blocks and one warning.
/// </summary>
internal sealed class HighlightCode : IStage
{
    public Phase Phase => Phase.Process;

    public string Name => "highlight";

    public static string Key(string language, string code) => language + "\0" + code;

    public async Task<SiteState> RunAsync(SiteState state, BuildContext context, CancellationToken cancellationToken)
    {
        var requests = state.Pages
            .Where(p => p.Markdown is not null)
            .SelectMany(p => p.Markdown!.Descendants<FencedCodeBlock>())
            .Select(block => (Language: CodeLanguages.HighlighterName(block.Info), Code: block.Lines.ToString()))
            .Where(r => r.Language is not null)
            .Select(r => (r.Language!, r.Code))
            .Distinct()
            .ToList();

        try
        {
            var html = await NodeHighlighter.HighlightAsync(requests, cancellationToken);
            var highlighted = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < requests.Count; i++)
            {
                if (html[i] is { } value)
                    highlighted[Key(requests[i].Item1, requests[i].Item2)] = value;
            }

            return state with { HighlightedCode = highlighted.ToImmutable() };
        }
        catch (HighlighterUnavailableException e)
        {
            context.Diagnostics.Warning(DiagnosticCodes.HighlighterUnavailable, null, $"code blocks are not highlighted: {e.Message}");
            return state;
        }
    }
}
