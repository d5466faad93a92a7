package dev.kfp4j.testing.containers;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A container registry on loopback (Debian's {@code docker-registry}, the CNCF distribution
 * registry), serving plain HTTP from a folder of its own, for the tests' pushes and pulls. Without
 * the program the test is skipped, as where there is no engine.
 */
public final class LoopbackRegistry implements AutoCloseable {
  private final Process process;
  private final Path dir;
  private final String host;

  private LoopbackRegistry(Process process, Path dir, String host) {
    this.process = process;
    this.dir = dir;
    this.host = host;
  }

  /** Starts a registry on a free loopback port and waits until it answers. */
  public static LoopbackRegistry start() throws IOException {
    String program = Engine.onPath("docker-registry");
    if (program == null && Files.isExecutable(Path.of("/usr/bin/docker-registry"))) {
      program = "/usr/bin/docker-registry";
    }
    if (program == null) {
      throw new NoEngine("there is no container registry to push to: install Debian's docker-registry");
    }
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    String host = "127.0.0.1:" + port;
    Path dir = Files.createTempDirectory("kfp4j-registry");
    Path config = Files.writeString(dir.resolve("config.yml"), String.join("\n",
        "version: 0.1",
        "log:",
        "  level: warn",
        "storage:",
        "  filesystem:",
        "    rootdirectory: " + dir.resolve("data"),
        "  delete:",
        "    enabled: true",
        "http:",
        "  addr: " + host,
        ""));
    Process p = new ProcessBuilder(List.of(program, "serve", config.toString())).redirectErrorStream(true)
        .redirectOutput(dir.resolve("registry.log").toFile()).start();
    LoopbackRegistry registry = new LoopbackRegistry(p, dir, host);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try {
        HttpURLConnection c = (HttpURLConnection) URI.create("http://" + host + "/v2/").toURL().openConnection();
        c.setConnectTimeout(1000);
        if (c.getResponseCode() == 200) {
          return registry;
        }
      } catch (IOException notYet) {
        // starting
      }
      if (!p.isAlive() || System.nanoTime() > deadline) {
        registry.close();
        throw new IOException("the registry did not start: " + Files.readString(dir.resolve("registry.log")));
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }
  }

  /**
   * Removes the engine's images named after this registry: a tagged name as that name (the image stays under any other), an
   * image with no tag by its id when every name it has is this registry's.
   */
  private void forgetImages() throws IOException {
    Engine engine;
    try {
      engine = Engine.require();
    } catch (NoEngine none) {
      return; // nothing can have been pulled
    }
    java.util.Map<String, List<String>> names = new java.util.LinkedHashMap<>(); // image id -> its repository:tag names
    Engine.Result images = engine.run("images", "--no-trunc", "--format", "{{.ID}} {{.Repository}}:{{.Tag}}");
    if (images.exit() != 0) {
      return; // the engine lists nothing: nothing to remove
    }
    for (String line : images.output().split("\n")) {
      String[] f = line.strip().split(" ", 2);
      if (f.length == 2) {
        names.computeIfAbsent(f[0], k -> new java.util.ArrayList<>()).add(f[1]);
      }
    }
    for (java.util.Map.Entry<String, List<String>> e : names.entrySet()) {
      List<String> ours = e.getValue().stream().filter(n -> n.startsWith(host + "/")).toList();
      if (!ours.isEmpty() && ours.size() == e.getValue().size() && ours.stream().anyMatch(n -> n.endsWith(":<none>"))) {
        engine.run("rmi", "--force", e.getKey());
      } else {
        for (String n : ours) {
          if (!n.endsWith(":<none>")) {
            engine.remove(n);
          }
        }
      }
    }
  }

  /** {@code 127.0.0.1:<port>}, the registry part of an image reference. */
  public String host() {
    return host;
  }

  /**
   * Stops the registry and deletes its folder, and removes from the engine, when there is one, every image named after
   * this registry ({@code 127.0.0.1:<port>/...}) that a test pulled or ran from it and left there: its port is never
   * used again, so each run of the tests would otherwise leave such images in the engine's storage for good.
   */
  @Override
  public void close() throws IOException {
    forgetImages();
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    RootFs.delete(dir);
  }
}
