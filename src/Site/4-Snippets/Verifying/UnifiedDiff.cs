using System.Text;

namespace Site.Snippets.Verifying;

/// <summary>A unified diff of two short texts (expected vs actual output), for diagnostics.</summary>
internal static class UnifiedDiff
{
    private const int Context = 3;

    /// <summary>Above this many line pairs the diff shows one hunk from the first difference instead of a minimal one.</summary>
    private const long MaxCells = 4_000_000;

    public static string Create(string expected, string actual, string expectedName = "expected", string actualName = "actual")
    {
        var a = OutputText.Lines(OutputText.Normalize(expected));
        var b = OutputText.Lines(OutputText.Normalize(actual));
        var edits = (long)a.Length * b.Length <= MaxCells ? Lcs(a, b) : Prefix(a, b);

        var text = new StringBuilder();
        text.Append("--- ").Append(expectedName).Append('\n').Append("+++ ").Append(actualName).Append('\n');
        foreach (var hunk in Hunks(edits))
        {
            var oldStart = hunk[0].OldIndex;
            var newStart = hunk[0].NewIndex;
            var oldCount = hunk.Count(e => e.Kind != '+');
            var newCount = hunk.Count(e => e.Kind != '-');
            text.Append($"@@ -{Range(oldStart, oldCount)} +{Range(newStart, newCount)} @@\n");
            foreach (var edit in hunk)
                text.Append(edit.Kind).Append(edit.Text).Append('\n');
        }

        return text.ToString().TrimEnd('\n');
    }

    private static string Range(int start, int count) => count == 0 ? $"{start},0" : count == 1 ? $"{start + 1}" : $"{start + 1},{count}";

    private readonly record struct Edit(char Kind, string Text, int OldIndex, int NewIndex);

    private static List<Edit> Lcs(string[] a, string[] b)
    {
        var lengths = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                lengths[i, j] = a[i] == b[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);

        var edits = new List<Edit>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
                edits.Add(new Edit(' ', a[x], x++, y++));
            else if (x < a.Length && (y == b.Length || lengths[x + 1, y] >= lengths[x, y + 1]))
                edits.Add(new Edit('-', a[x], x++, y));
            else
                edits.Add(new Edit('+', b[y], x, y++));
        }

        return edits;
    }

    /// <summary>For huge outputs: common prefix, then everything else as removed and added.</summary>
    private static List<Edit> Prefix(string[] a, string[] b)
    {
        var common = 0;
        while (common < a.Length && common < b.Length && a[common] == b[common])
            common++;
        var edits = Enumerable.Range(0, common).Select(i => new Edit(' ', a[i], i, i)).ToList();
        edits.AddRange(Enumerable.Range(common, a.Length - common).Select(i => new Edit('-', a[i], i, common)));
        edits.AddRange(Enumerable.Range(common, b.Length - common).Select(j => new Edit('+', b[j], a.Length, j)));
        return edits;
    }

    private static IEnumerable<List<Edit>> Hunks(List<Edit> edits)
    {
        var changed = edits.Select((e, i) => (e, i)).Where(p => p.e.Kind != ' ').Select(p => p.i).ToList();
        var index = 0;
        while (index < changed.Count)
        {
            var start = Math.Max(0, changed[index] - Context);
            var end = changed[index];
            while (index + 1 < changed.Count && changed[index + 1] - end <= 2 * Context)
                end = changed[++index];
            index++;
            end = Math.Min(edits.Count - 1, end + Context);
            yield return edits.GetRange(start, end - start + 1);
        }
    }
}
