namespace Site.Core;

/// <summary>The Node.js the build's helpers run on (code highlighting, JavaScript snippets) and where their scripts are.</summary>
internal static class NodeTools
{
    /// <summary>Names the node executable when "node" on PATH is not the one to use.</summary>
    public const string Variable = "SITE_NODE";

    /// <summary>The Node executable: SITE_NODE, else "node" on PATH.</summary>
    public static string Executable => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } node ? node : "node";

    /// <summary>One of our scripts, which the build copies from src/Site/node next to the generator.</summary>
    public static string Script(string name) => Path.Combine(AppContext.BaseDirectory, "node", name);
}
