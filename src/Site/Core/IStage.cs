namespace Site.Core;

/// <summary>The four phases of a build, in order (as Statiq names them).</summary>
internal enum Phase { Input, Process, PostProcess, Output }

/// <summary>One step of the pipeline: state in, state out. User mistakes go to <see cref="BuildContext.Diagnostics"/>.</summary>
internal interface IStage
{
    Phase Phase { get; }

    /// <summary>A short name for progress and --timings.</summary>
    string Name { get; }

    Task<SiteState> RunAsync(SiteState state, BuildContext context, CancellationToken cancellationToken);
}
