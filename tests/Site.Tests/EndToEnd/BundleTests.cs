using System.IO.Compression;
using System.Text.RegularExpressions;
using Site.Tests.Support;

namespace Site.Tests.EndToEnd;

/// <summary><c>site bundle</c>: the offline zip.</summary>
public sealed class BundleTests : IDisposable
{
    private readonly TestSite site = new(TestPaths.BasicSite) { Theme = TestPaths.DefaultTheme };

    public void Dispose() => site.Dispose();

    [Fact]
    public async Task Bundle_writes_a_zip_of_the_site_under_one_folder_with_the_single_page_edition()
    {
        site.Write("site.yml", "title: Basic\nbaseUrl: https://example.org/basic/\n");
        var zipPath = Path.Combine(site.Root, "artifacts", "guide-offline.zip");

        var run = await CliRun.RunAsync("bundle", "--input", site.Input, "--theme", site.Theme, "--cache-dir", site.Cache, "--zip", zipPath);

        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        Assert.Contains("Bundled 6 pages -> ", run.Out);
        using var zip = ZipFile.OpenRead(zipPath);
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.All(names, name => Assert.StartsWith("guide-offline/", name));
        Assert.Contains("guide-offline/index.html", names);
        Assert.Contains("guide-offline/single-page.html", names);
        Assert.Contains("guide-offline/basics/first/index.html", names);
        Assert.Contains("guide-offline/assets/site.css", names);
        Assert.DoesNotContain("guide-offline/.site-output", names);
        Assert.DoesNotContain("guide-offline/sitemap.xml", names); // offline: no base URL, nothing absolute

        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".html", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open());
            var html = await reader.ReadToEndAsync();
            // Nothing the page loads by itself (scripts, styles, images, base, canonical) points outside the bundle.
            Assert.DoesNotMatch(new Regex("<(script|img|link|base)[^>]+(src|href)=\"(https?:)?//"), html);
        }

        Assert.False(Directory.Exists(site.Output)); // the bundle never touches output/
    }

    [Fact]
    public async Task A_failed_build_writes_no_bundle()
    {
        site.Write("basics/broken.md", "---\ntitle: Broken\n---\n\n[gone](nowhere.md)\n");
        var zipPath = Path.Combine(site.Root, "out.zip");

        var run = await CliRun.RunAsync("bundle", "--input", site.Input, "--theme", site.Theme, "--cache-dir", site.Cache, "--zip", zipPath);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error SITE010", run.Error);
        Assert.Contains("No bundle written.", run.Out);
        Assert.False(File.Exists(zipPath));
    }
}
