using System.IO.Compression;
using Site.Core;
using Site.Writing;

namespace Site.Bundling;

/// <summary>
/// Zips a built site for reading offline: everything under one top-level folder, so unzipping anywhere gives
/// <c>FOLDER/index.html</c> to open from file://. Written through a temporary file, so a failure leaves no half zip.
/// </summary>
internal static class OfflineBundle
{
    public const string DefaultZip = "artifacts/python-for-js-devs-offline.zip";

    public static long Write(string siteFolder, string zipPath)
    {
        var folderName = Path.GetFileNameWithoutExtension(zipPath);
        AtomicFile.Write(zipPath, stream =>
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Create);
            foreach (var file in Directory.EnumerateFiles(siteFolder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(siteFolder, file).Replace('\\', '/');
                if (relative != OutputFolder.MarkerFile)
                    zip.CreateEntryFromFile(file, $"{folderName}/{relative}", CompressionLevel.Optimal);
            }
        });
        return new FileInfo(zipPath).Length;
    }
}
