using System.Runtime.InteropServices;

namespace CityTwin.Grains.Scenarios.Isolation;

/// <summary>
/// Makes the calling thread yield the CPU to everything else. On Linux .NET ignores
/// <see cref="Thread.Priority"/>, so the thread's nice value is raised with <c>setpriority</c>
/// (raising it needs no privilege); elsewhere the managed priority does the job.
/// </summary>
internal static class LowerThreadPriority
{
    /// <summary>Nice 10: runs when the live twin leaves a core idle, and still progresses on a busy machine.</summary>
    private const int Nice = 10;
    private const int PrioProcess = 0;

    public static void ApplyToCurrentThread()
    {
        Thread.CurrentThread.Priority = ThreadPriority.BelowNormal;
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            // PRIO_PROCESS with a thread id sets that one thread's nice value on Linux.
            _ = SetPriority(PrioProcess, GetThreadId(), Nice);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // A libc without these calls: the managed priority above is all there is.
        }
    }

    // DllImport, not LibraryImport: the generated stubs would need unsafe code in this project, and
    // these signatures are blittable ints with nothing to marshal.
    [DllImport("libc", EntryPoint = "setpriority")]
    private static extern int SetPriority(int which, int who, int prio);

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetThreadId();
}
