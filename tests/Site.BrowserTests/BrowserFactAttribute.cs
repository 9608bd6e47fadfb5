namespace Site.BrowserTests;

/// <summary>A test that needs Debian's Chromium; reported as skipped, with the reason, where it is missing.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!File.Exists(Browser.ExecutablePath))
            Skip = $"Chromium not found at {Browser.ExecutablePath} (apt-get install -y chromium, or set SITE_CHROMIUM)";
    }
}
