using System.Collections.Immutable;
using Site.Core;
using YamlDotNet.RepresentationModel;

namespace Site.Reading;

/// <summary>Reads input/site.yml (or site.yaml) into <see cref="SiteSettings"/>; a missing file means the defaults.</summary>
internal sealed class LoadSettings : IStage
{
    public const string FileName = "site.yml";

    public Phase Phase => Phase.Input;

    public string Name => "settings";

    public async Task<SiteState> RunAsync(SiteState state, BuildContext context, CancellationToken cancellationToken)
    {
        var input = context.Options.InputDirectory;
        var file = new[] { FileName, "site.yaml" }.Select(n => Path.Combine(input, n)).FirstOrDefault(File.Exists);
        var settings = SiteSettings.Default with { Title = TitleFromFolder(input) };
        if (file is not null)
        {
            var text = await File.ReadAllTextAsync(file, cancellationToken);
            settings = Parse(text, context.DisplayPath(Path.GetFileName(file)), settings, context.Diagnostics);
        }

        if (context.Options.BaseUrl is { } baseUrl)
            settings = settings with { BaseUrl = baseUrl };
        if (context.Options.Offline)
            settings = settings with { BaseUrl = null };
        if (settings.BaseUrl is { } url && !url.EndsWith('/'))
            settings = settings with { BaseUrl = url + "/" };
        context.Settings = settings;
        return state;
    }

    internal static SiteSettings Parse(string text, string path, SiteSettings settings, Diagnostics diagnostics)
    {
        var root = Yaml.LoadMapping(text, path, 1, DiagnosticCodes.MalformedSettings, "site settings", diagnostics);
        if (root is null)
            return settings;

        foreach (var (keyNode, value) in root.Children)
        {
            var key = Yaml.Scalar(keyNode) ?? "";
            var at = Yaml.Location(keyNode, path, 1);
            switch (key)
            {
                case "title": settings = settings with { Title = Yaml.Scalar(value) ?? settings.Title }; break;
                case "description": settings = settings with { Description = Yaml.Scalar(value) ?? "" }; break;
                case "author": settings = settings with { Author = Yaml.Scalar(value) ?? "" }; break;
                case "language": settings = settings with { Language = Yaml.Scalar(value) ?? "en" }; break;
                case "home": settings = settings with { HomeTitle = Yaml.Scalar(value) ?? "Home" }; break;
                case "baseUrl" or "base_url":
                    var url = Yaml.Scalar(value);
                    if (!string.IsNullOrEmpty(url) && !Uri.TryCreate(url, UriKind.Absolute, out _))
                        diagnostics.Error(DiagnosticCodes.MalformedSettings, Yaml.Location(value, path, 1), $"baseUrl '{url}' is not an absolute URL");
                    else
                        settings = settings with { BaseUrl = string.IsNullOrEmpty(url) ? null : url };
                    break;
                case "navigation" when value is YamlSequenceNode list:
                    settings = settings with { Navigation = [.. list.Children.Select(Yaml.Scalar).OfType<string>()] };
                    break;
                case "sections" when value is YamlMappingNode map:
                    settings = settings with
                    {
                        SectionTitles = map.Children.ToImmutableDictionary(p => Yaml.Scalar(p.Key) ?? "", p => Yaml.Scalar(p.Value) ?? ""),
                    };
                    break;
                case "navigation" or "sections":
                    diagnostics.Error(DiagnosticCodes.MalformedSettings, Yaml.Location(value, path, 1),
                        key == "navigation" ? "navigation must be a list of section folders" : "sections must map folder names to titles");
                    break;
                default:
                    diagnostics.Warning(DiagnosticCodes.UnknownSetting, at, $"unknown setting '{key}' (ignored)");
                    break;
            }
        }

        return settings;
    }

    private static string TitleFromFolder(string input)
    {
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(input));
        return string.IsNullOrEmpty(name) || name == "input" ? SiteSettings.Default.Title : Naming.Humanize(name);
    }
}
