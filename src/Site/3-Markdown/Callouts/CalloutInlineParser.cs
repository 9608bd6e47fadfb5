using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;

namespace Site.Markdown.Callouts;

/// <summary>
/// Recognises "[!note]", "[!warning]+ Custom title" and the like at the very start of the first paragraph of a block quote
/// (GitHub alerts and Obsidian callouts). It consumes the rest of that line, so the body starts on the next line.
/// </summary>
internal sealed class CalloutInlineParser : InlineParser
{
    public CalloutInlineParser() => OpeningCharacters = ['['];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        if (processor.Block is not ParagraphBlock { Parent: QuoteBlock quote } paragraph
            || quote.Count == 0 || quote[0] != paragraph || paragraph.Inline?.FirstChild is not null
            || slice.PeekChar() != '!')
            return false;

        var text = slice.Text;
        var end = slice.Start + 2;
        while (end <= slice.End && char.IsAsciiLetter(text[end]))
            end++;
        if (end == slice.Start + 2 || end > slice.End || text[end] != ']')
            return false;

        var kind = text[(slice.Start + 2)..end];
        var lineEnd = end + 1;
        while (lineEnd <= slice.End && text[lineEnd] != '\n')
            lineEnd++;
        var title = text[(end + 1)..lineEnd].TrimStart('+', '-').Trim();
        var start = slice.Start;
        slice.Start = Math.Min(lineEnd + 1, slice.End + 1);

        processor.Inline = new CalloutMarker(kind.ToLowerInvariant(), title)
        {
            Span = new SourceSpan(processor.GetSourcePosition(start, out var line, out var column), processor.GetSourcePosition(lineEnd - 1)),
            Line = line,
            Column = column,
        };
        return true;
    }
}
