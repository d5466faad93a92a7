import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;

/**
 * One subprocess-mode run of RunnerBench's chain, in a JVM of its own, for bench/run.py section 3s to
 * measure the whole process tree (the runner and its tasks) with the kernel's CPU accounting:
 * {@code ChainOnce ROOT N [in-process]} (in-process: the same run with every task in this JVM, to
 * tell the runner's work for a process per task from the rest). Appends the runner's own CPU time
 * (this JVM, without its tasks) in seconds to {@code ROOT/runner-cpu.txt}. Not a test: nothing
 * asserts on time.
 */
public final class ChainOnce {
  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    LocalRunner.JavaMode mode = args.length > 2 && args[2].equals("in-process") ? LocalRunner.JavaMode.IN_PROCESS
        : LocalRunner.JavaMode.SUBPROCESS;
    LocalRunner runner = LocalRunner.builder().root(root).caching(false).javaMode(mode)
        .console(new PrintStream(new ByteArrayOutputStream())).progress(false).summary(false).build();
    RunResult r = runner.run(RunnerBench.chain(n), Map.of());
    if (!r.succeeded() || !r.output("t" + (n - 1), "Output").equals(String.valueOf(n))) {
      throw new IllegalStateException("benchmark run failed: " + r.failedTask());
    }
    Duration cpu = ProcessHandle.current().info().totalCpuDuration().orElseThrow();
    Files.writeString(root.resolve("runner-cpu.txt"), cpu.toNanos() / 1e9 + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}
