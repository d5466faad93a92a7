import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * javac run again and again in one JVM, as Maven's compiler plugin (in the build's JVM unless
 * forked), Gradle's compiler daemon and an IDE's build process run it, for bench/run.py section
 * 1w: {@code WarmJavac WARMUP ROUNDS ARGS...}, each ARGS a file of javac's arguments (one a line;
 * its output folders are emptied before each compile, unless {@code -Dwarm.keep=true}: then each
 * compile is a partial one against what an earlier, whole build left there, as an IDE's rebuild). Runs each WARMUP times, then ROUNDS rounds
 * of each in turn, the order alternating from one round to the next, and prints one line a
 * compile measured: its index, wall seconds and CPU seconds of the whole JVM, its JIT and GC
 * threads included (the kernel's time on CPU of each thread, {@code /proc/self/task/}{@code
 * *}{@code /schedstat}, in nanoseconds: the JVM's process CPU time counts in 10 ms ticks, too
 * coarse for a compile of 20 ms). A processor on {@code -processorpath} is loaded afresh for each
 * compile, as those tools do. Not a test: nothing asserts on time.
 */
public final class WarmJavac {
  public static void main(String[] args) throws Exception {
    int warmup = Integer.parseInt(args[0]);
    int rounds = Integer.parseInt(args[1]);
    List<List<String>> commands = new ArrayList<>();
    for (String file : Arrays.copyOfRange(args, 2, args.length)) {
      commands.add(Files.readAllLines(Path.of(file)));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    for (int w = 0; w < warmup; w++) {
      for (List<String> c : commands) {
        compile(javac, c);
      }
    }
    for (int r = 0; r < rounds; r++) {
      for (int k = 0; k < commands.size(); k++) {
        int i = r % 2 == 0 ? k : commands.size() - 1 - k;
        System.gc();
        long wall = System.nanoTime();
        long cpu = cpuNanos();
        compile(javac, commands.get(i));
        System.out.println(i + " " + (System.nanoTime() - wall) / 1e9 + " " + (cpuNanos() - cpu) / 1e9);
      }
    }
  }

  /** The time this JVM's threads have spent on a CPU, in nanoseconds (javac starts no threads of its own that end). */
  private static long cpuNanos() throws IOException {
    long sum = 0;
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : tasks.collect(Collectors.toList())) {
        try {
          sum += Long.parseLong(Files.readString(task.resolve("schedstat")).split(" ")[0]);
        } catch (IOException e) {
          // the thread ended meanwhile
        }
      }
    }
    return sum;
  }

  private static void compile(JavaCompiler javac, List<String> command) throws IOException {
    for (int i = 0; i < command.size() - 1 && !Boolean.getBoolean("warm.keep"); i++) {
      if (command.get(i).equals("-d") || command.get(i).equals("-s")) {
        empty(Path.of(command.get(i + 1)));
      }
    }
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int code = javac.run(null, null, errors, command.toArray(String[]::new));
    if (code != 0) {
      throw new IllegalStateException("javac failed (" + code + "): " + errors);
    }
  }

  private static void empty(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(dir);
  }
}
