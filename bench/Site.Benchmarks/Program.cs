using BenchmarkDotNet.Running;

namespace Site.Benchmarks;

/// <summary>
/// Micro-benchmarks of the build's hot paths (BenchmarkDotNet):
/// <c>dotnet run -c Release --project bench/Site.Benchmarks -- --filter '*'</c> (add <c>--job short</c> for a quick run).
/// </summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
