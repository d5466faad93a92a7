package dev.kfp4j.entrypoint;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A main class for {@link PrestartTest}: {@code write FILE ARGS...} writes its arguments to FILE,
 * each followed by a NUL, as UTF-8, and prints {@code wrote}; {@code exit CODE} exits with it;
 * {@code throw} throws. Its static initializer prints {@code initialized}, and throws when the
 * variable {@code PROBE_INIT_FAILS} is set.
 */
public final class PrestartProbe {
  static {
    System.out.println("initialized");
    if (System.getenv("PROBE_INIT_FAILS") != null) {
      throw new IllegalStateException("init failed");
    }
  }

  private PrestartProbe() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "write" -> {
        StringBuilder s = new StringBuilder();
        Arrays.stream(args, 2, args.length).forEach(a -> s.append(a).append('\0'));
        Files.writeString(Path.of(args[1]), s, StandardCharsets.UTF_8);
        System.out.println("wrote");
      }
      case "exit" -> System.exit(Integer.parseInt(args[1]));
      case "throw" -> throw new IllegalStateException("boom");
      default -> throw new IllegalArgumentException(args[0]);
    }
  }
}
