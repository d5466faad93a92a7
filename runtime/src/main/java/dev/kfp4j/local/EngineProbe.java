package dev.kfp4j.local;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Whether a container engine answers, asked once before it is used: its {@code version}, with its global arguments (a
 * {@code --url} of a remote engine too). docker and podman print their version as a {@code Version: 27.1.1} line, and a
 * docker client without a daemon, or a podman without its service, exits other than 0; a program that prints no version
 * ({@code /bin/true}) or fails ({@code /bin/false}) is no engine, which would fail each task, or leave each without its
 * outputs. What it printed is quoted, masked as {@link EngineTexts} masks the engine's words.
 */
final class EngineProbe {
  /** How long the engine has to answer: a remote one, over ssh, may take a while. */
  private static final int SECONDS = 30;
  /** The most of what it printed that a refusal quotes. */
  private static final int QUOTED = 300;
  private static final Pattern VERSION = Pattern.compile("(?m)^\\s*Version:\\s*\\S");

  private EngineProbe() {}

  /** Null when {@code command}, an engine's program and global arguments, answers {@code version} as an engine; else why not. */
  static String why(List<String> command) {
    List<String> version = new ArrayList<>(command);
    version.add("version");
    Process p;
    try {
      p = new ProcessBuilder(version).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .start();
    } catch (IOException e) {
      return "cannot be started (" + e.getMessage() + ")";
    }
    ByteArrayOutputStream said = new ByteArrayOutputStream();
    Thread reader = new Thread(() -> copy(p.getInputStream(), said), "kfp4j-engine-version");
    reader.setDaemon(true); // a program that leaves a child holding its output does not keep the runner
    reader.start();
    try {
      if (!p.waitFor(SECONDS, TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        return "does not answer 'version' within " + SECONDS + " s";
      }
      reader.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      return "was interrupted while it answered 'version'";
    }
    String text;
    synchronized (said) {
      text = said.toString(StandardCharsets.UTF_8);
    }
    if (p.exitValue() != 0) {
      return "fails 'version' (exit code " + p.exitValue() + ", " + quoted(text, command) + ")";
    }
    return VERSION.matcher(text).find() ? null
        : "prints no version for 'version' (docker and podman print 'Version: ...'; " + quoted(text, command) + ")";
  }

  private static void copy(InputStream in, ByteArrayOutputStream to) {
    byte[] buffer = new byte[8192];
    try (in) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        synchronized (to) {
          to.write(buffer, 0, n);
        }
      }
    } catch (IOException e) {
      // the process was stopped: what it said so far is what it said
    }
  }

  /** What the engine printed, on one line, masked and cut short; or that it printed nothing. */
  private static String quoted(String text, List<String> command) {
    String line = EngineTexts.masked(text, command).strip().replaceAll("\\s*\\R\\s*", " | "); // masked whole, then cut
    if (line.isEmpty()) {
      return "it printed nothing";
    }
    return "it printed: " + (line.length() > QUOTED ? line.substring(0, QUOTED) + "..." : line);
  }
}
