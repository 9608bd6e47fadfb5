using System.Net;
using Site.Core;

namespace Site.Serving;

/// <summary>The options of <c>serve</c>: the build's, and where to listen.</summary>
internal sealed record ServeOptions
{
    public const int DefaultPort = 5080;

    /// <summary>How long the input must be quiet after a change before a rebuild starts (an editor's save is several events,
    /// all within a millisecond or two; every millisecond here is one more the reader waits for the reload).</summary>
    public static readonly TimeSpan DefaultQuiet = TimeSpan.FromMilliseconds(20);

    public required BuildOptions Build { get; init; }

    /// <summary>The address to listen on; loopback by default, so the preview is not on the network.</summary>
    public IPAddress Host { get; init; } = IPAddress.Loopback;

    /// <summary>The port; 0 asks the system for a free one (tests), see <see cref="PreviewServer.Url"/>.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>How long the input must be quiet after a change before a rebuild starts (<see cref="DefaultQuiet"/>).</summary>
    public TimeSpan Quiet { get; init; } = DefaultQuiet;
}
