using System.Globalization;
using System.Text;
using HandlebarsDotNet;
using Site.Core;

namespace Site.Theme;

/// <summary>
/// A theme folder: Handlebars layouts (layouts/NAME.hbs), partials (partials/NAME.hbs, used as {{> NAME}}) and assets/,
/// compiled once per build. The only helper is <c>eq</c>, for <c>{{#if (eq a b)}}</c>.
/// </summary>
internal sealed class ThemeTemplates
{
    private readonly Dictionary<string, HandlebarsTemplate<TextWriter, object, object>> layouts;

    private ThemeTemplates(string directory, Dictionary<string, HandlebarsTemplate<TextWriter, object, object>> layouts)
    {
        Directory = directory;
        this.layouts = layouts;
    }

    public string Directory { get; }

    public string AssetsDirectory => Path.Combine(Directory, "assets");

    public IEnumerable<string> LayoutNames => layouts.Keys.Order(StringComparer.Ordinal);

    public bool HasLayout(string name) => layouts.ContainsKey(name);

    /// <summary>The page as text (the single-page edition; themed pages go to the writers with <see cref="RenderTo"/>).</summary>
    public string Render(string layout, object model)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        RenderTo(writer, layout, model);
        return writer.ToString();
    }

    public void RenderTo(TextWriter writer, string layout, object model) => layouts[layout](writer, model);

    /// <summary>Every template's name and text: equal sources compile to an equal theme (what a rebuild compares).</summary>
    public static string Sources(string directory)
    {
        var text = new StringBuilder();
        foreach (var folder in new[] { "partials", "layouts" }.Select(f => Path.Combine(directory, f)).Where(System.IO.Directory.Exists))
        {
            foreach (var file in System.IO.Directory.EnumerateFiles(folder, "*.hbs").Order(StringComparer.Ordinal))
                text.Append(file).Append('\0').Append(File.ReadAllText(file)).Append('\0');
        }

        return text.ToString();
    }

    /// <summary>Loads and compiles the theme; a template that does not compile is an error located in its file.</summary>
    public static ThemeTemplates? Load(string directory, Diagnostics diagnostics)
    {
        var layoutsFolder = Path.Combine(directory, "layouts");
        if (!System.IO.Directory.Exists(layoutsFolder))
        {
            diagnostics.Error(DiagnosticCodes.ThemeError, null, $"theme '{directory}' has no layouts/ folder");
            return null;
        }

        var handlebars = Handlebars.Create(new HandlebarsConfiguration { ThrowOnUnresolvedBindingExpression = false });
        handlebars.RegisterHelper("eq", (context, arguments) => arguments.Length == 2 && Equals(arguments[0]?.ToString(), arguments[1]?.ToString()));
        var partials = Path.Combine(directory, "partials");
        if (System.IO.Directory.Exists(partials))
        {
            foreach (var file in System.IO.Directory.EnumerateFiles(partials, "*.hbs").Order(StringComparer.Ordinal))
                handlebars.RegisterTemplate(Path.GetFileNameWithoutExtension(file), File.ReadAllText(file));
        }

        var compiled = new Dictionary<string, HandlebarsTemplate<TextWriter, object, object>>(StringComparer.Ordinal);
        foreach (var file in System.IO.Directory.EnumerateFiles(layoutsFolder, "*.hbs").Order(StringComparer.Ordinal))
        {
            try
            {
                using var reader = new StringReader(File.ReadAllText(file));
                compiled[Path.GetFileNameWithoutExtension(file)] = handlebars.Compile(reader);
            }
            catch (HandlebarsException e)
            {
                diagnostics.Error(DiagnosticCodes.ThemeError, SourceLocation.FileStart(file), $"template does not compile: {e.Message}");
            }
        }

        return new ThemeTemplates(directory, compiled);
    }
}
