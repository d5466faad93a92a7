package dev.kfp4j.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;

/** The end-of-run summary, and the failing task's log tail. */
final class Console {
  private Console() {}

  static void summary(PrintStream out, RunResult r, boolean table) {
    if (table) {
      out.printf("%-40s %-10s %9s  %s%n", "TASK", "STATE", "TIME", "OUTPUTS");
      for (TaskResult t : r.tasks()) {
        String outputs = t.outputs().entrySet().stream().map(e -> e.getKey() + "=" + abbreviate(e.getValue()))
            .collect(Collectors.joining(" "));
        out.printf("%-40s %-10s %8.2fs  %s%n", t.id(), t.state(), t.millis() / 1000.0, outputs);
      }
      out.printf("run %s %s: %s%n", r.pipeline(), r.runId(), r.succeeded() ? "Succeeded" : "Failed");
    }
    r.failedTask().ifPresent(t -> {
      out.printf("task '%s' failed (%s)%s%n", t.id(), t.message(), t.exitCode() >= 0 ? ", exit code " + t.exitCode() : "");
      for (String line : tail(t, 20)) {
        out.println("  | " + line);
      }
      out.println("  log: " + t.log());
    });
  }

  static List<String> tail(TaskResult t, int lines) {
    if (t.log() == null || !Files.exists(t.log())) {
      return List.of();
    }
    try {
      List<String> all = Files.readAllLines(t.log());
      return all.subList(Math.max(0, all.size() - lines), all.size());
    } catch (IOException e) {
      return List.of("(cannot read the log: " + e.getMessage() + ")");
    }
  }

  private static String abbreviate(String s) {
    String one = s.replace('\n', ' ');
    return one.length() <= 40 ? one : one.substring(0, 37) + "...";
  }
}
