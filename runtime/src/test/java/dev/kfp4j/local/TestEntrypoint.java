package dev.kfp4j.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Java entrypoint as kfp4j generates them ({@code run(String[])} and {@code main}), for the
 * runner's tests: {@code write TEXT FILE}, {@code env NAME FILE} (the variable, or {@code none}),
 * {@code sleep SECONDS PIDFILE} (writes its pid, then sleeps), {@code jvm FILE} (its JVM's main class and
 * arguments, {@code sun.java.command}), {@code ahead FILE} (waits, at most a minute, for a JVM its runner started
 * ahead for another task, and writes its pid, or {@code none}), {@code exit CODE} (calls {@code System.exit}), {@code exit-thread CODE} (from a thread it starts), {@code throw MESSAGE} (throws it from 30 calls deep),
 * {@code half TEXT FILE} (writes TEXT, then throws: an output half-written), {@code temp FILE} (makes a temporary file
 * ({@code Files.createTempFile}) and writes its path, then a line of its JVM's {@code sun.java.command}).
 */
public final class TestEntrypoint {
  private TestEntrypoint() {}

  public static int run(String[] args) {
    try {
      switch (args[0]) {
        case "write" -> {
          System.out.println("writing " + args[1]);
          write(args[2], args[1]);
        }
        case "env" -> write(args[2], System.getenv(args[1]) == null ? "none" : System.getenv(args[1]));
        case "sleep" -> {
          write(args[2], Long.toString(ProcessHandle.current().pid()));
          Thread.sleep(Long.parseLong(args[1]) * 1000);
        }
        case "jvm" -> write(args[1], System.getProperty("sun.java.command"));
        case "temp" -> write(args[1], Files.writeString(Files.createTempFile("kfp4j-test-", ".txt"), "temporary") + "\n"
            + System.getProperty("sun.java.command"));
        case "ahead" -> write(args[1], ahead());
        case "exit" -> System.exit(Integer.parseInt(args[1]));
        case "exit-thread" -> {
          Thread quits = new Thread(() -> System.exit(Integer.parseInt(args[1])), "component-thread");
          quits.start();
          quits.join(); // never returns: the JVM ends
        }
        case "throw" -> deep(args[1], 30);
        case "print" -> {
          for (int i = 1; i <= Integer.parseInt(args[1]); i++) {
            System.out.println("line " + i);
          }
        }
        case "half" -> {
          write(args[2], args[1]);
          throw new IllegalStateException("failed after writing " + args[1]);
        }
        default -> {
          System.err.println("unknown command " + args[0]);
          return 2;
        }
      }
      return 0;
    } catch (IOException | InterruptedException e) {
      e.printStackTrace();
      return 1;
    }
  }

  private static void deep(String message, int depth) {
    if (depth == 0) {
      throw new IllegalStateException(message);
    }
    deep(message, depth - 1);
  }

  /** The pid of a JVM started ahead by this process's parent, the runner (at most a minute's wait), or {@code none}. */
  private static String ahead() throws InterruptedException {
    ProcessHandle runner = ProcessHandle.current().parent().orElseThrow();
    for (int i = 0; i < 600; i++) {
      var found = runner.children().filter(p -> p.info().arguments().map(a -> java.util.Arrays.asList(a)
          .contains("dev.kfp4j.entrypoint.Prestart")).orElse(false)).findFirst();
      if (found.isPresent()) {
        return Long.toString(found.get().pid());
      }
      Thread.sleep(100);
    }
    return "none";
  }

  private static void write(String file, String text) throws IOException {
    Path p = Path.of(file);
    if (p.getParent() != null) {
      Files.createDirectories(p.getParent());
    }
    Files.writeString(p, text);
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }
}
