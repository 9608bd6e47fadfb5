namespace Site.Serving;

/// <summary>The preview server cannot start (a folder is missing, the port is in use); the message is the line the console prints.</summary>
internal sealed class PreviewServerException(string message) : Exception(message);
