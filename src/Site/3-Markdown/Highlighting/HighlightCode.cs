using System.Collections.Immutable;
using Markdig.Syntax;
using Site.Core;

namespace Site.Markdown.Highlighting;

/// <summary>
/// Highlights every code block of the site in one batch (one Node process per build), so pages ship no highlighter script.
/// Without Node the build goes on with plain code blocks and one warning. Code highlighted by an earlier build (kept in
/// .site-cache/highlight.json) or an earlier rebuild of <c>serve</c> is not sent again.
/// The batch runs in the background while the snippets run and the links resolve; <see cref="AwaitHighlighting"/> collects it.
/// </summary>
internal sealed class HighlightCode : IStage
{
    public Phase Phase => Phase.Process;

    public string Name => "highlight";

    public static string Key(string language, string code) => language + "\0" + code;

    /// <summary>The rebuild memo of each block's highlighting, by <see cref="Key"/>.</summary>
    private const string BlockMemo = "highlight";

    public Task<SiteState> RunAsync(SiteState state, BuildContext context, CancellationToken cancellationToken)
    {
        // The code is taken here, before the stages that run meanwhile get to the syntax trees.
        // A rebuild finds the code of a syntax tree it kept (ParseMarkdown) without walking it again.
        var blocks = context.RebuildCache?.Memo<MarkdownDocument, List<(string Language, string Code)>>("highlight blocks");
        var code = new SiteCode([.. state.Pages
            .Where(p => p.Markdown is not null)
            .Select(p => blocks is null ? CodeOf(p.Markdown!) : blocks.GetOrAdd(p.SourcePath, p.Markdown!, context.Diagnostics, _ => CodeOf(p.Markdown!)))]);

        // A rebuild whose pages hold the same code as the last build's, all highlighted then, takes that build's result whole
        // (and keeps the highlighting of each block it is made of for the next change).
        var site = context.RebuildCache?.Memo<SiteCode, ImmutableDictionary<string, string>>("highlight site");
        if (site is not null && site.TryGet("", code, out var known))
        {
            context.RebuildCache!.Memo<bool, string?>(BlockMemo).KeepAll();
            return Task.FromResult(state with { Highlighting = Task.FromResult(known) });
        }

        var requests = code.Pages.SelectMany(page => page).Distinct().ToList();
        return Task.FromResult(state with
        {
            Highlighting = Task.Run(() => HighlightAsync(requests, context, highlighted => site?.Set("", code, highlighted), cancellationToken), cancellationToken),
        });
    }

    /// <param name="highlightedAll">Called with the result when every block was highlighted (not when Node was missing).</param>
    private static async Task<ImmutableDictionary<string, string>> HighlightAsync(List<(string Language, string Code)> requests, BuildContext context,
        Action<ImmutableDictionary<string, string>> highlightedAll, CancellationToken cancellationToken)
    {
        // Highlighting is a function of the language and the code: the key says it all.
        var memo = context.RebuildCache?.Memo<bool, string?>(BlockMemo);
        // Read from disk only for code the rebuild memo lacks: serve's rebuilds mostly need nothing from it.
        var disk = new Lazy<HighlightCache>(() => HighlightCache.Load(context.CacheDirectory, ignoreExisting: context.Options.NoCache));
        var highlighted = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var missing = new List<(string Language, string Code)>();
        foreach (var (language, code) in requests)
        {
            string? known = null;
            var key = Key(language, code);
            if (memo is not null && memo.TryGet(key, true, out known))
            {
                if (known is not null)
                    highlighted[key] = known;
            }
            else if (disk.Value.TryGet(language, code, out known))
            {
                memo?.Set(key, true, known); // so the next rebuild need not read the file again
                if (known is not null)
                    highlighted[key] = known;
            }
            else
            {
                missing.Add((language, code));
            }
        }

        try
        {
            var html = await NodeHighlighter.HighlightAsync(missing, cancellationToken);
            for (var i = 0; i < missing.Count; i++)
            {
                var key = Key(missing[i].Language, missing[i].Code);
                memo?.Set(key, true, html[i]);
                disk.Value.Add(missing[i].Language, missing[i].Code, html[i]);
                if (html[i] is { } value)
                    highlighted[key] = value;
            }

            try
            {
                if (disk.IsValueCreated)
                    disk.Value.Save();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Only time is lost: the next build highlights this code again.
            }

            var result = highlighted.ToImmutable();
            highlightedAll(result);
            return result;
        }
        catch (HighlighterUnavailableException e)
        {
            context.Diagnostics.Warning(DiagnosticCodes.HighlighterUnavailable, null, $"code blocks are not highlighted: {e.Message}");
            return ImmutableDictionary<string, string>.Empty;
        }
    }

    /// <summary>The code blocks of every page, in page order: a rebuild's are mostly the very lists the last build had.</summary>
    private sealed class SiteCode(List<List<(string Language, string Code)>> pages) : IEquatable<SiteCode>
    {
        public List<List<(string Language, string Code)>> Pages => pages;

        public bool Equals(SiteCode? other) => other is not null && pages.Count == other.Pages.Count
            && pages.Zip(other.Pages).All(pair => ReferenceEquals(pair.First, pair.Second) || pair.First.SequenceEqual(pair.Second));

        public override bool Equals(object? obj) => Equals(obj as SiteCode);

        public override int GetHashCode() => pages.Count;
    }

    /// <summary>The language and code of each block highlight.js may know.</summary>
    private static List<(string Language, string Code)> CodeOf(MarkdownDocument document) => document.Descendants<FencedCodeBlock>()
        .Select(block => (Language: CodeLanguages.HighlighterName(block.Info), Code: block.Lines.ToString()))
        .Where(r => r.Language is not null)
        .Select(r => (r.Language!, r.Code))
        .ToList();
}
