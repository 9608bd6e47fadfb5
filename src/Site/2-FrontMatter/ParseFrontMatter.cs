using System.Collections.Immutable;
using System.Globalization;
using Site.Core;
using YamlDotNet.RepresentationModel;

namespace Site.FrontMatter;

/// <summary>
/// Reads each page's YAML front matter (between '---' lines at the top) into <see cref="PageMetadata"/>, then leaves out
/// drafts unless --drafts. A page with a front matter error stays in the build so its other errors are found too.
/// </summary>
internal sealed class ParseFrontMatter : IStage
{
    public Phase Phase => Phase.Process;

    public string Name => "front matter";

    public Task<SiteState> RunAsync(SiteState state, BuildContext context, CancellationToken cancellationToken)
    {
        var memo = context.RebuildCache?.Memo<string, PageMetadata>(Name); // a rebuild parses only the pages whose text changed
        var metadata = PerPage.Map(state.Pages, memo, page => page.SourcePath, page => page.Text, Parse, context, cancellationToken);
        var parsed = state.Pages.Select((page, i) => page with { Metadata = metadata[i] }).ToList();
        bool Excluded(Page page) => page.Metadata.Draft && !context.Options.IncludeDrafts;
        var excluded = parsed.Where(Excluded).ToList();
        return Task.FromResult(state with
        {
            Pages = [.. parsed.Where(page => !Excluded(page))], // not Except: it would hash every page's whole text
            ExcludedDrafts = excluded.Select(p => p.SourcePath).ToImmutableHashSet(StringComparer.Ordinal),
        });
    }

    internal static PageMetadata Parse(Page page, Diagnostics diagnostics)
    {
        var fallbackTitle = Naming.Humanize(Path.GetFileNameWithoutExtension(page.SourcePath));
        if (Extract(page.Text) is not { } block)
        {
            diagnostics.Error(DiagnosticCodes.MissingTitle, page.At(1, 1), "page has no front matter; start it with '---', 'title: ...', '---'");
            return PageMetadata.Empty with { Title = fallbackTitle };
        }

        if (!block.Closed)
        {
            diagnostics.Error(DiagnosticCodes.MalformedFrontMatter, page.At(1, 1), "front matter is not closed: add a '---' line after it");
            return PageMetadata.Empty with { Title = fallbackTitle };
        }

        var root = Yaml.LoadMapping(block.Yaml, page.DisplayPath, 2, DiagnosticCodes.MalformedFrontMatter, "front matter", diagnostics);
        if (root is null)
            return PageMetadata.Empty with { Title = fallbackTitle };

        var metadata = Read(root, page, diagnostics);
        if (string.IsNullOrWhiteSpace(metadata.Title))
        {
            diagnostics.Error(DiagnosticCodes.MissingTitle, metadata.Locations.GetValueOrDefault(FrontMatterKeys.Title, page.At(1, 1)),
                "page has no title: add 'title: ...' to its front matter");
            metadata = metadata with { Title = fallbackTitle };
        }

        return metadata;
    }

    private static PageMetadata Read(YamlMappingNode root, Page page, Diagnostics diagnostics)
    {
        var metadata = PageMetadata.Empty;
        var values = ImmutableDictionary.CreateBuilder<string, object?>(StringComparer.Ordinal);
        var locations = ImmutableDictionary.CreateBuilder<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in root.Children)
        {
            var key = Yaml.Scalar(keyNode) ?? "";
            var at = Yaml.Location(value, page.DisplayPath, 2);
            values[key] = Yaml.ToPlain(value);
            locations[key] = at;
            var text = Yaml.Scalar(value);
            void Invalid(string expected) =>
                diagnostics.Error(DiagnosticCodes.InvalidFrontMatterValue, at, $"'{key}' must be {expected}");

            switch (key)
            {
                case FrontMatterKeys.Title:
                    if (text is null) Invalid("text");
                    else metadata = metadata with { Title = text.Trim() };
                    break;
                case FrontMatterKeys.Description:
                    if (text is null) Invalid("text");
                    else metadata = metadata with { Description = text.Trim() };
                    break;
                case FrontMatterKeys.Date:
                    if (TryParseDate(text, out var date)) metadata = metadata with { Date = date };
                    else Invalid("a date like 2026-11-21");
                    break;
                case FrontMatterKeys.Tags:
                    if (value is YamlSequenceNode list && list.Children.All(c => Yaml.Scalar(c) is { Length: > 0 }))
                        metadata = metadata with { Tags = [.. list.Children.Select(c => Yaml.Scalar(c)!.Trim())] };
                    else if (text is { Length: > 0 })
                        metadata = metadata with { Tags = [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)] };
                    else if (text is null) Invalid("a list of tags, like [venv, npm]");
                    break;
                case FrontMatterKeys.Order:
                    if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var order)) metadata = metadata with { Order = order };
                    else Invalid("a whole number");
                    break;
                case FrontMatterKeys.Draft:
                    if (bool.TryParse(text, out var draft)) metadata = metadata with { Draft = draft };
                    else Invalid("true or false");
                    break;
                case FrontMatterKeys.Layout:
                    if (text is { Length: > 0 }) metadata = metadata with { Layout = text.Trim() };
                    else Invalid("a layout name");
                    break;
                case FrontMatterKeys.Slug:
                    if (text is { Length: > 0 } && Naming.Slugify(text) == text) metadata = metadata with { Slug = text };
                    else Invalid("lowercase letters, digits and '-'");
                    break;
            }
        }

        return metadata with { Values = values.ToImmutable(), Locations = locations.ToImmutable() };
    }

    private static bool TryParseDate(string? text, out DateOnly date)
    {
        date = default;
        if (text is null)
            return false;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            return true;
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var dateTime))
        {
            date = DateOnly.FromDateTime(dateTime);
            return true;
        }

        return false;
    }

    /// <summary>The YAML between a first line '---' and the next '---' (or '...') line.</summary>
    internal static FrontMatterBlock? Extract(string text)
    {
        using var reader = new StringReader(text);
        if (reader.ReadLine()?.TrimEnd() != "---")
            return null;
        var yaml = new System.Text.StringBuilder();
        var lines = 1;
        while (reader.ReadLine() is { } line)
        {
            lines++;
            if (line.TrimEnd() is "---" or "...")
                return new FrontMatterBlock(yaml.ToString(), true, lines);
            yaml.Append(line).Append('\n');
        }

        return new FrontMatterBlock(yaml.ToString(), false, lines);
    }
}

/// <summary>The raw YAML of a page's front matter and the number of lines it spans, fences included.</summary>
internal sealed record FrontMatterBlock(string Yaml, bool Closed, int LineCount);
