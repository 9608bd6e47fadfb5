using Site.Core;

namespace Site.Theme;

/// <summary>
/// Compiles the theme's templates on a thread of its own from the start of the build, while the pages are read and parsed:
/// Handlebars.Net takes about 0.1 s to turn them into code, which would otherwise hold up <see cref="ApplyTheme"/>.
/// ApplyTheme awaits the result; a template that does not compile is reported as before.
/// </summary>
internal sealed class CompileTheme : IStage
{
    public Phase Phase => Phase.Input;

    public string Name => "theme compile";

    public Task<SiteState> RunAsync(SiteState state, BuildContext context, CancellationToken cancellationToken)
    {
        // Not the thread pool: the parallel stages meanwhile want every pool thread there is.
        var compiled = new TaskCompletionSource<ThemeTemplates?>(TaskCreationOptions.RunContinuationsAsynchronously);
        new Thread(() =>
        {
            try
            {
                compiled.SetResult(Load(context));
            }
            catch (Exception e)
            {
                compiled.SetException(e); // a bug: ApplyTheme rethrows it
            }
        }) { IsBackground = true, Name = Name }.Start();
        return Task.FromResult(state with { ThemeCompilation = compiled.Task });
    }

    /// <summary>The compiled theme; a rebuild compiles it again only when a template changed.</summary>
    internal static ThemeTemplates? Load(BuildContext context)
    {
        var directory = context.Options.ThemeDirectory;
        if (context.RebuildCache?.Memo<string, ThemeTemplates?>("theme templates") is not { } memo)
            return ThemeTemplates.Load(directory, context.Diagnostics);
        return memo.GetOrAdd(directory, ThemeTemplates.Sources(directory), context.Diagnostics, diagnostics => ThemeTemplates.Load(directory, diagnostics));
    }
}
