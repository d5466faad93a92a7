package dev.kfp4j.local;

import dev.kfp4j.entrypoint.FileErrors;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The end-of-run summary, and the failing task's log tail. */
final class Console {
  /** Most of a log's end read for its tail. */
  static final int TAIL_BYTES = 64 * 1024;
  /** Frames of a Java stack trace shown, each trace's first. */
  static final int FRAMES = 3;
  /** Longest line shown: its end. */
  static final int MAX_LINE = 500;

  private Console() {}

  static void summary(PrintStream out, RunResult r, boolean table) {
    if (table) {
      out.printf("%-40s %-10s %9s  %s%n", "TASK", "STATE", "TIME", "OUTPUTS");
      for (TaskResult t : r.tasks()) {
        String outputs = t.outputs().entrySet().stream().map(e -> e.getKey() + "=" + abbreviate(e.getValue()))
            .collect(Collectors.joining(" "));
        out.printf("%-40s %-10s %8.2fs  %s%n", t.label(), t.state(), t.millis() / 1000.0, outputs);
        if (!t.metrics().isEmpty()) {
          out.printf("%-40s metrics: %s%n", "", t.metrics().entrySet().stream()
              .map(e -> e.getKey() + "=" + number(e.getValue())).collect(Collectors.joining(" ")));
        }
      }
      out.printf("run %s %s: %s%n", r.pipeline(), r.runId(), r.state());
    }
    r.failedTask().ifPresent(t -> {
      out.printf("task '%s' %s: %s%n", t.label(), t.state() == TaskResult.State.Error ? "errored" : "failed", t.message());
      if (t.log() != null) {
        for (String line : tail(t.log(), 20)) {
          out.println("  | " + line);
        }
        out.println("  log: " + t.log());
      }
    });
  }

  /**
   * The last {@code lines} lines of {@code log}, read from its end (at most {@link #TAIL_BYTES}),
   * bytes that are not UTF-8 shown as {@code U+FFFD}, a line longer than {@link #MAX_LINE} by its end.
   */
  static List<String> tail(Path log, int lines) {
    if (!Files.isRegularFile(log)) {
      return List.of();
    }
    try (SeekableByteChannel ch = Files.newByteChannel(log)) {
      long size = ch.size();
      int n = (int) Math.min(size, TAIL_BYTES);
      ByteBuffer bytes = ByteBuffer.allocate(n);
      ch.position(size - n);
      while (bytes.hasRemaining() && ch.read(bytes) >= 0) {
        // read on
      }
      bytes.flip();
      String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(bytes).toString();
      List<String> all = new ArrayList<>(Arrays.asList(text.split("\r?\n", -1)));
      if (n < size) {
        all.set(0, "..." + all.get(0)); // the start of this line is before what was read
      }
      if (all.get(all.size() - 1).isEmpty()) {
        all.remove(all.size() - 1);
      }
      all = shortTraces(all);
      List<String> tail = new ArrayList<>();
      for (String line : all.subList(Math.max(0, all.size() - lines), all.size())) {
        tail.add(line.length() <= MAX_LINE ? line : "..." + line.substring(line.length() - MAX_LINE));
      }
      return tail;
    } catch (IOException e) {
      return List.of("(cannot read the log: " + FileErrors.why(log, e) + ")");
    }
  }

  /**
   * {@code lines} with each Java stack trace's frames after the first {@link #FRAMES} counted, not
   * shown: a tail of a thrown exception's trace then shows the exception and where it was thrown,
   * not only the frames of the runner that called the component.
   */
  static List<String> shortTraces(List<String> lines) {
    List<String> shown = new ArrayList<>();
    int frames = 0;
    for (String line : lines) {
      boolean frame = line.startsWith("\tat ");
      if (frame && ++frames > FRAMES) {
        continue;
      }
      if (!frame) {
        if (frames > FRAMES) {
          shown.add("\t... " + (frames - FRAMES) + " more frames (in the log)");
        }
        frames = 0;
      }
      shown.add(line);
    }
    if (frames > FRAMES) {
      shown.add("\t... " + (frames - FRAMES) + " more frames (in the log)");
    }
    return shown;
  }

  /** A metric as people write it: {@code 3}, {@code 0.25}, {@code 1.0E-9}. */
  static String number(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }

  private static String abbreviate(String s) {
    String one = s.replace('\n', ' ');
    return one.length() <= 40 ? one : one.substring(0, 37) + "...";
  }
}
