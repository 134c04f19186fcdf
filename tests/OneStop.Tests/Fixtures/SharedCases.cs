using OneStop.Tests.Browser;

namespace OneStop.Tests.Fixtures;

/// <summary>
/// The acceptance cases of `../shared/cases/`: read from there when the shared folder sits beside the
/// repository (as on developers' machines and in CI), so cases added later are tested too; otherwise from the
/// copy built next to the tests.
/// </summary>
public static class SharedCases
{
    public static string PathOf(string file, string copyFolder)
    {
        var shared = Path.Combine(KestrelLedger.RepositoryRoot(), "..", "shared", "cases", file);
        return File.Exists(shared)
            ? Path.GetFullPath(shared)
            : Path.Combine(AppContext.BaseDirectory, copyFolder, file);
    }
}
