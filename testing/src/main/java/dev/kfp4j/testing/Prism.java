package dev.kfp4j.testing;

import dev.kfp4j.yaml.Yaml;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

  /** Starts Prism on a free port for {@code v1beta1} or {@code v2beta1}; its files go to {@code work}. */
  public static Prism start(String apiVersion, Path work) throws IOException, InterruptedException {
    String binary = System.getProperty("kfp4j.prism", "");
    if (binary.isEmpty() || !Files.isExecutable(Path.of(binary))) {
      throw new IllegalStateException("Prism not found at '" + binary + "'; the client module's build installs it "
          + "with npm (needs Node.js and npm on PATH): ./mvnw -pl client -am test");
    }
    Path spec = work.resolve("kfp-" + apiVersion + ".strict.json");
    ObjectNode root = (ObjectNode) Yaml.json().readTree(
        Shared.root().resolve("schemas/kfp-api").resolve(apiVersion).resolve("kfp_api_single_file.swagger.json").toFile());
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
