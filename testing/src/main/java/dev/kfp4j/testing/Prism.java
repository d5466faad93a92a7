package dev.kfp4j.testing;

import dev.kfp4j.yaml.Yaml;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Stoplight Prism mock server of one of KFP's official OpenAPI files, made strict: every object
 * schema rejects properties it does not declare, so a misspelt field fails like a wrong type does.
 * Prism answers a request that does not match the file with a 4xx.
 */
public final class Prism implements AutoCloseable {
  private final Process process;
  private final URI uri;
  private final Path log;

  private Prism(Process process, URI uri, Path log) {
    this.process = process;
    this.uri = uri;
    this.log = log;
  }

  /**
   * Starts Prism on a free port for {@code v1beta1} or {@code v2beta1}; its files go to {@code
   * work}. Needs KFP's API files from {@code ../shared} (else the test is skipped here, {@link
   * Shared}) and Prism, which the first call installs with npm ({@link #binary}).
   */
  public static Prism start(String apiVersion, Path work) throws IOException, InterruptedException {
    Path file = Shared.schemas("kfp-api/" + apiVersion + "/kfp_api_single_file.swagger.json");
    String binary = binary().toString();
    Path spec = work.resolve("kfp-" + apiVersion + ".strict.json");
    ObjectNode root = (ObjectNode) Yaml.json().readTree(file.toFile());
    for (JsonNode def : root.path("definitions")) {
      if (def instanceof ObjectNode o && o.has("properties") && !o.has("additionalProperties")) {
        o.put("additionalProperties", false);
      }
    }
    Files.writeString(spec, root.toString());
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path log = work.resolve("prism-" + apiVersion + ".log");
    Process p = new ProcessBuilder(List.of(binary, "mock", "--host", "127.0.0.1", "--port", Integer.toString(port), spec.toString()))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Prism prism = new Prism(p, URI.create("http://127.0.0.1:" + port), log);
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (!Files.readString(log, StandardCharsets.UTF_8).contains("Prism is listening")) {
      if (!p.isAlive() || Instant.now().isAfter(deadline)) {
        String out = Files.readString(log, StandardCharsets.UTF_8);
        prism.close();
        throw new IllegalStateException("Prism did not start:\n" + out);
      }
      Thread.sleep(100);
    }
    return prism;
  }

  /**
   * The {@code prism} command, installed the first time with {@code npm install} (Node.js and npm
   * on the PATH) into {@code -Dkfp4j.prism.home} (the build sets {@code
   * ~/.cache/kfp4j/prism-<version>}), at version {@code -Dkfp4j.prism.version}. One install at a time
   * on this machine, under a file lock, so parallel builds share it.
   */
  static synchronized Path binary() throws IOException, InterruptedException {
    String home = System.getProperty("kfp4j.prism.home", "");
    String version = System.getProperty("kfp4j.prism.version", "");
    if (home.isEmpty() || version.isEmpty()) {
      throw new IllegalStateException("set -Dkfp4j.prism.home and -Dkfp4j.prism.version, as the kfp4j build does");
    }
    Path dir = Path.of(home);
    Path binary = dir.resolve("node_modules/.bin/prism");
    if (Files.isExecutable(binary)) {
      return binary;
    }
    Files.createDirectories(dir);
    try (FileChannel lock = FileChannel.open(dir.resolve(".install.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held = lock.lock()) {
      if (Files.isExecutable(binary)) {
        return binary;
      }
      Path log = dir.resolve("npm-install.log");
      Process npm;
      try {
        npm = new ProcessBuilder("npm", "install", "--prefix", dir.toString(), "--no-audit", "--no-fund", "--loglevel=error",
            "@stoplight/prism-cli@" + version).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      } catch (IOException e) {
        throw new IllegalStateException("Prism is not installed in " + dir + " and npm cannot run (" + e.getMessage()
            + "); install Node.js and npm, which install Prism the first time");
      }
      if (npm.waitFor() != 0 || !Files.isExecutable(binary)) {
        throw new IllegalStateException("npm install of @stoplight/prism-cli@" + version + " into " + dir + " failed:\n"
            + Files.readString(log, StandardCharsets.UTF_8));
      }
      return binary;
    }
  }

  public URI uri() {
    return uri;
  }

  /** What Prism logged: each request, and why it refused one. */
  public String log() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
  }
}
