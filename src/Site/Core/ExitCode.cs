namespace Site.Core;

internal enum ExitCode
{
    Success = 0,
    BuildFailed = 1,
    UsageError = 2,
}
