namespace Site.Snippets.Engines.Node;

/// <summary>Node.js or the snippet worker script could not be started; the message says what was tried and what to do.</summary>
internal sealed class NodeUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
