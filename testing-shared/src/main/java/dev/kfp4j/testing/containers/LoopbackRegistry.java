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

  /** {@code 127.0.0.1:<port>}, the registry part of an image reference. */
  public String host() {
    return host;
  }

  @Override
  public void close() throws IOException {
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
