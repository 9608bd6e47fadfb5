using System.Text;
using Site.Core;

namespace Site.Writing;

/// <summary>
/// Writes the site into a fresh folder beside the output folder, then swaps it in: output/ is replaced whole or not at all.
/// Does nothing when the build has errors, so a failed build leaves the previous output as it was.
/// </summary>
internal sealed class WriteSite : IStage
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public Phase Phase => Phase.Output;

    public string Name => "write";

    public async Task<SiteState> RunAsync(SiteState state, BuildContext context, CancellationToken cancellationToken)
    {
        if (context.Diagnostics.HasErrors)
            return state;

        var output = Path.TrimEndingDirectorySeparator(Path.GetFullPath(context.Options.OutputDirectory));
        var parent = Path.GetDirectoryName(output)!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(output)}.tmp-{Guid.NewGuid():N}");
        try
        {
            await WriteAllAsync(staging, state.Outputs, context, cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(staging, OutputFolder.MarkerFile), "Written by the site generator; the whole folder is replaced by each build.\n", cancellationToken);
            Swap(staging, output);
        }
        finally
        {
            if (Directory.Exists(staging))
                Directory.Delete(staging, recursive: true);
        }

        return state;
    }

    private static async Task WriteAllAsync(string root, IEnumerable<OutputFile> outputs, BuildContext context, CancellationToken cancellationToken)
    {
        var files = outputs.ToList();
        foreach (var folder in files.Select(f => Path.GetDirectoryName(Path.Combine(root, f.Path))!).Distinct())
            Directory.CreateDirectory(folder);
        await Parallel.ForEachAsync(files, context.ParallelOptions(cancellationToken), async (file, ct) =>
        {
            var target = Path.Combine(root, file.Path);
            if (file.Text is not null)
                await File.WriteAllTextAsync(target, file.Text, Utf8, ct);
            else
                File.Copy(file.CopyFrom!, target, overwrite: true);
        });
    }

    /// <summary>Moves the old output aside, the new one in, then deletes the old one; on failure puts the old one back.</summary>
    private static void Swap(string staging, string output)
    {
        var old = Path.Combine(Path.GetDirectoryName(output)!, $".{Path.GetFileName(output)}.old-{Guid.NewGuid():N}");
        var hadOld = Directory.Exists(output);
        if (hadOld)
            Directory.Move(output, old);
        try
        {
            Directory.Move(staging, output);
        }
        catch
        {
            if (hadOld)
                Directory.Move(old, output);
            throw;
        }

        if (hadOld)
            Directory.Delete(old, recursive: true);
    }
}
