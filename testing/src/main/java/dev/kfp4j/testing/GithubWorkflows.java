package dev.kfp4j.testing;

import dev.kfp4j.yaml.Yaml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * GitHub Actions workflow files checked by GitHub's own parser, {@code @actions/workflow-parser}
 * (what github.com and the Actions VS Code extension use), run by Node. The parser is an ES module
 * written for bundlers, so the first call installs it and esbuild with npm into {@code
 * -Dkfp4j.workflowParser.home} (the build sets {@code ~/.cache/kfp4j/workflow-parser-<version>}),
 * as {@link Prism} is installed, and bundles a small script around it into one file.
 */
public final class GithubWorkflows {
  private static final String SCRIPT = "workflow-check.mjs";
  private static final String BUNDLE = "workflow-check.bundle.cjs";

  /** One file as the parser read it: its errors (none when valid), the events it runs on, its jobs and their steps. */
  public record Parsed(String file, List<String> errors, List<String> events, JsonNode jobs) {}

  private GithubWorkflows() {}

  /** Parses {@code files}. */
  public static List<Parsed> parse(List<Path> files) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("node", bundle().toString()));
    files.forEach(f -> command.add(f.toString()));
    Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
    byte[] out = p.getInputStream().readAllBytes();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("the workflow parser failed: " + err);
    }
    List<Parsed> parsed = new ArrayList<>();
    for (JsonNode f : Yaml.json().readTree(out)) {
      List<String> errors = new ArrayList<>();
      f.path("errors").forEach(e -> errors.add(e.asString()));
      List<String> events = new ArrayList<>();
      f.path("events").forEach(e -> events.add(e.asString()));
      parsed.add(new Parsed(f.path("file").asString(), errors, events, f.path("jobs")));
    }
    return parsed;
  }

  /** The bundled script, made the first time (one install at a time on this machine, under a file lock). */
  static synchronized Path bundle() throws IOException, InterruptedException {
    String home = System.getProperty("kfp4j.workflowParser.home", "");
    String version = System.getProperty("kfp4j.workflowParser.version", "");
    String esbuild = System.getProperty("kfp4j.esbuild.version", "");
    if (home.isEmpty() || version.isEmpty() || esbuild.isEmpty()) {
      throw new IllegalStateException("set -Dkfp4j.workflowParser.home, -Dkfp4j.workflowParser.version and "
          + "-Dkfp4j.esbuild.version, as the kfp4j build does");
    }
    Path dir = Path.of(home);
    Path bundle = dir.resolve(BUNDLE);
    if (Files.isRegularFile(bundle)) {
      return bundle;
    }
    Files.createDirectories(dir);
    try (FileChannel lock = FileChannel.open(dir.resolve(".install.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held = lock.lock()) {
      if (Files.isRegularFile(bundle)) {
        return bundle;
      }
      Path log = dir.resolve("npm-install.log");
      run(dir, log, "npm", "install", "--prefix", dir.toString(), "--no-audit", "--no-fund", "--loglevel=error",
          "@actions/workflow-parser@" + version, "esbuild@" + esbuild);
      try (InputStream in = GithubWorkflows.class.getResourceAsStream(SCRIPT)) {
        Files.write(dir.resolve(SCRIPT), in.readAllBytes());
      }
      Path partial = dir.resolve(BUNDLE + ".partial");
      run(dir, dir.resolve("esbuild.log"), dir.resolve("node_modules/.bin/esbuild").toString(), SCRIPT, "--bundle",
          "--platform=node", "--format=cjs", "--log-level=warning", "--outfile=" + partial.getFileName());
      Files.move(partial, bundle);
      return bundle;
    }
  }

  private static void run(Path dir, Path log, String... command) throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command[0] + " (" + e.getMessage() + "); install Node.js and npm, "
          + "which install GitHub's workflow parser the first time");
    }
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed in " + dir + ":\n" + Files.readString(log, StandardCharsets.UTF_8));
    }
  }
}
