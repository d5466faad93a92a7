package dev.kfp4j.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Java entrypoint as kfp4j generates them ({@code run(String[])} and {@code main}), for the
 * runner's tests: {@code write TEXT FILE}, {@code env NAME FILE} (the variable, or {@code none}),
 * {@code sleep SECONDS PIDFILE} (writes its pid, then sleeps).
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
