using System.Globalization;

namespace Site.Snippets;

/// <summary>Parses the words after "run": flags (<c>hide</c>) and <c>key=value</c> pairs. Errors are messages, not exceptions.</summary>
internal static class SnippetOptionsParser
{
    public static SnippetOptions Parse(IEnumerable<string> words, List<string> errors)
    {
        var options = new SnippetOptions();
        foreach (var word in words)
        {
            var equals = word.IndexOf('=');
            var key = equals < 0 ? word : word[..equals];
            var value = equals < 0 ? null : word[(equals + 1)..];
            switch (key)
            {
                case "session" when !string.IsNullOrEmpty(value):
                    options = options with { Session = value };
                    break;
                case "isolated" when value is null:
                    options = options with { Isolated = true };
                    break;
                case "hide" when value is null:
                    options = options with { Hide = true };
                    break;
                case "hide-output" when value is null:
                    options = options with { HideOutput = true };
                    break;
                case "throws":
                    options = options with { Throws = true, ThrowsName = string.IsNullOrEmpty(value) ? null : value };
                    break;
                case "timeout":
                    if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                        && seconds > 0 && seconds <= SnippetOptions.MaxTimeout.TotalSeconds)
                        options = options with { Timeout = TimeSpan.FromSeconds(seconds) };
                    else
                        errors.Add($"timeout must be a number of seconds between 0 and {SnippetOptions.MaxTimeout.TotalSeconds:0}, not '{value}'");
                    break;
                case "match":
                    if (Enum.TryParse<OutputMatch>(value, ignoreCase: true, out var match) && value is "exact" or "regex" or "ellipsis")
                        options = options with { Match = match };
                    else
                        errors.Add($"match must be exact, regex or ellipsis, not '{value}'");
                    break;
                case "session" or "isolated" or "hide" or "hide-output":
                    errors.Add(key == "session" ? $"'{key}' needs a value ({key}=...)" : $"'{key}' takes no value");
                    break;
                default:
                    errors.Add($"unknown snippet option '{word}' (session=, isolated, hide, hide-output, throws[=Error], timeout=, match=)");
                    break;
            }
        }

        if (options.Isolated && options.Session is not null)
            errors.Add("a snippet cannot be both 'isolated' and in 'session=" + options.Session + "'");
        return options;
    }
}
