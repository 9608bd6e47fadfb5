using System.Text.Json;
using System.Text.Json.Serialization;

namespace Site.Markdown.Highlighting.Engine;

/// <summary>A grammar as node/export-grammars.js writes it: highlight.js's compiled modes, numbered, linked by number.</summary>
internal sealed record GrammarFile(
    string Name,
    string HighlightJs,
    bool CaseInsensitive,
    bool UnicodeRegex,
    bool DisableAutodetect,
    string? SupersetOf,
    Dictionary<string, string> ClassNameAliases,
    Dictionary<string, string> UnicodeProperties,
    List<List<JsonElement>> KeywordSets,
    List<ModeFile> Modes);

/// <summary>One compiled mode; regular expressions are JavaScript sources.</summary>
internal sealed record ModeFile(
    int Id,
    string? Scope,
    ScopeFile? BeginScope,
    ScopeFile? EndScope,
    string? Begin,
    string? End,
    string? TerminatorEnd,
    string? Illegal,
    int? Keywords,
    string? KeywordPattern,
    double Relevance,
    bool ExcludeBegin,
    bool ExcludeEnd,
    bool ReturnBegin,
    bool ReturnEnd,
    bool EndsWithParent,
    bool EndsParent,
    bool Skip,
    string? SubLanguage,
    List<string>? SubLanguageAuto,
    string? BeforeBegin,
    string? OnBegin,
    string? OnEnd,
    List<int> Contains,
    int? Starts);

/// <summary>beginScope/endScope: one scope around the whole match, or one per top-level group.</summary>
internal sealed record ScopeFile(string? Wrap, Dictionary<string, string?>? Groups);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(GrammarFile))]
internal sealed partial class GrammarJson : JsonSerializerContext;
