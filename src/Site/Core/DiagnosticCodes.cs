namespace Site.Core;

/// <summary>Every diagnostic code the build can report, in one place (the README lists them too).</summary>
internal static class DiagnosticCodes
{
    public const string NotUtf8 = "SITE001";
    public const string MalformedFrontMatter = "SITE002";
    public const string MissingTitle = "SITE003";
    public const string InvalidFrontMatterValue = "SITE004";
    public const string DuplicateUrl = "SITE005";
    public const string UnreadableFile = "SITE006";
    public const string BrokenLink = "SITE010";
    public const string BrokenAnchor = "SITE011";
    public const string UnknownLayout = "SITE012";
    public const string LinkToDraft = "SITE013";
    public const string UnknownDataTable = "SITE020";
    public const string MalformedDataFile = "SITE021";
    public const string MalformedSettings = "SITE030";
    public const string UnknownSetting = "SITE031";
    public const string ThemeError = "SITE040";
    public const string MissingFolder = "SITE050";
    public const string UnsafeOutputFolder = "SITE051";
    public const string InvalidSnippetOption = "SNIP001";
    public const string OutputMismatch = "SNIP002";
    public const string SnippetRaised = "SNIP003";
    public const string SnippetTimedOut = "SNIP004";
    public const string OutputWithoutSnippet = "SNIP005";
    public const string ThrowsMismatch = "SNIP006";
    public const string EngineFailure = "SNIP007";
    public const string RuntimeUnavailable = "SNIP008";
    public const string NotInCache = "SNIP009";
    public const string InvalidCompare = "SNIP010";
    public const string CompareOutputsDiffer = "SNIP011";
    public const string CacheUnreadable = "SNIP012";
}
