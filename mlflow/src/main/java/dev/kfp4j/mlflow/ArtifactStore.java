package dev.kfp4j.mlflow;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where a run's artifacts go, by its artifact URI: through the tracking server's artifact proxy
 * ({@code mlflow-artifacts:/...}, a server started with {@code --serve-artifacts}, MLflow's default
 * since 2.0: {@code PUT /api/2.0/mlflow-artifacts/artifacts/<path>}), or a folder this process can
 * write ({@code file:} or a plain path). MLflow's Java client uploads only through MLflow's Python
 * command line, which a component image lacks.
 *
 * <p>An upload's files go through one HTTP/1.1 client (MLflow's server speaks it; a request that offers HTTP/2 leaves
 * its connection unused after it), so over one connection. Reaching the server may take the server's timeout ({@link
 * Servers#timeout()}); each file's request fails when nothing of it was sent, and nothing of the answer came, for as long
 * ({@link IdleWatch}), however long the whole file takes: a server that takes a connection and never answers, or stops
 * reading the file, fails the upload instead of holding the task forever, and a large file on a slow link still goes.
 * A file's upload that gets no answer, or an answer saying the server is busy or failing, is sent again, the whole file from
 * its start, as MLflow's Python client sends it again ({@link Resender}, with the same variables as every call).
 */
final class ArtifactStore {
  private final Servers server;
  private final String trackingUri;
  private final String artifactUri;
  private final Resender resender;

  ArtifactStore(Servers server, String artifactUri) {
    this(server, artifactUri, Resender.system());
  }

  /** Waiting and resending as {@code resender} does. */
  ArtifactStore(Servers server, String artifactUri, Resender resender) {
    this.server = server;
    this.trackingUri = server.uri().replaceAll("/+$", "");
    this.artifactUri = artifactUri;
    this.resender = resender;
  }

  void upload(Path source, String artifactPath) throws IOException {
    if (!Files.exists(source)) {
      throw new IOException(source + ": no such file to log as an artifact");
    }
    Path base = source.getParent() == null ? Path.of("") : source.getParent();
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(source)) {
      try (Stream<Path> all = Files.walk(source)) {
        all.filter(Files::isRegularFile).sorted().forEach(files::add);
      }
    } else {
      files.add(source);
    }
    String prefix = artifactPath == null || artifactPath.isBlank() ? "" : artifactPath.replaceAll("^/+|/+$", "") + "/";
    HttpClient http = null;
    if (artifactUri.startsWith("mlflow-artifacts:")) {
      try {
        server.retries().checked();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(server.timeout()).build();
      } catch (IllegalArgumentException badSetting) {
        throw new IOException("cannot upload " + source + ": " + badSetting.getMessage(), badSetting);
      }
    }
    for (Path f : files) {
      String relative = prefix + base.relativize(f).toString().replace('\\', '/');
      put(http, f, relative);
    }
  }

  private void put(HttpClient http, Path file, String relative) throws IOException {
    if (artifactUri.startsWith("mlflow-artifacts:")) {
      String root = URI.create(artifactUri).getPath().replaceAll("^/+|/+$", "");
      StringBuilder path = new StringBuilder();
      for (String part : (root + "/" + relative).split("/")) {
        path.append('/').append(URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20"));
      }
      URI uri = URI.create(trackingUri + "/api/2.0/mlflow-artifacts/artifacts" + path);
      HttpResponse<String> response;
      try {
        response = resender.send(server.retries(), () -> {
          IdleWatch watch = new IdleWatch(server.timeout()); // each try watched, and its file read, from the start
          HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/octet-stream")
              .PUT(watch.watched(HttpRequest.BodyPublishers.ofFile(file)));
          if (server.authorization() != null) {
            request.header("Authorization", server.authorization());
          }
          return watch.send(http, request.build(), HttpResponse.BodyHandlers.ofString());
        });
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while uploading " + file);
      } catch (IOException e) { // a refused connection's message is null
        throw new IOException("cannot upload artifact " + relative + ": " + Failures.ofCall(e, server), e);
      }
      if (response.statusCode() / 100 != 2) {
        throw new IOException("cannot upload artifact " + relative + ": "
            + Failures.refused(server, response.statusCode(), response.body()));
      }
    } else if (artifactUri.startsWith("file:") || artifactUri.startsWith("/")) {
      Path root = artifactUri.startsWith("file:") ? Path.of(URI.create(artifactUri)) : Path.of(artifactUri);
      Path target = root.resolve(relative).normalize();
      if (!target.startsWith(root)) {
        throw new IOException("artifact path " + relative + " leaves the run's artifact folder");
      }
      Files.createDirectories(target.getParent());
      Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
    } else {
      throw new IOException("the run's artifacts are at " + artifactUri
          + ", which kfp4j cannot write; start the MLflow server with --serve-artifacts (mlflow-artifacts:/ URIs)");
    }
  }
}
