package dev.kfp4j.spec;

import dev.kfp4j.entrypoint.FileErrors;
import dev.kfp4j.entrypoint.HttpFailures;
import dev.kfp4j.entrypoint.UrlTexts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLConnection;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Where component specs are read from: files, URLs ({@code http(s)}, and {@code file} and {@code
 * jar:file} on this machine) and classpath resources, as UTF-8 text. Every failure is a
 * {@link SpecException} naming the source.
 */
final class SpecSources {
  /** Largest component file read. */
  static final int MAX_BYTES = 16 * 1024 * 1024;

  private SpecSources() {}

  static String read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new SpecException(file + ": " + (Files.exists(file) ? "not a regular file" : "no such file"));
    }
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw tooLarge(file.toString());
      }
      return utf8(Files.readAllBytes(file), file.toString());
    } catch (IOException e) {
      throw new SpecException(file + ": cannot read: " + FileErrors.why(file, e));
    }
  }

  /**
   * The text at {@code uri}. An {@code http(s)} download, from connecting to the last byte, takes
   * at most {@code timeout}: a server that stalls or trickles is cut off.
   */
  static String read(URI uri, Duration timeout) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    switch (scheme) {
      case "http":
      case "https":
        return download(uri, timeout);
      case "file":
        return read(Path.of(uri));
      case "jar":
        return fromJar(uri);
      default:
        throw new SpecException(UrlTexts.shown(uri.toString()) + ": not a URL kfp4j reads; use http(s), file or jar:file");
    }
  }

  static String readResource(ClassLoader loader, String resource) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new SpecException("no component resource '" + resource + "' on the classpath");
      }
      return utf8(readLimited(in, resource), resource);
    } catch (IOException e) {
      throw new SpecException(resource + ": cannot read: " + FileErrors.why(e));
    }
  }

  /**
   * The file at {@code uri} over http(s); one that cannot be had is a {@link SpecException} saying why in words ({@link
   * DownloadErrors}): {@code cannot download URI: connection refused}.
   */
  private static String download(URI uri, Duration timeout) {
    HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(timeout).build();
    HttpRequest request;
    try {
      request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
    } catch (IllegalArgumentException e) {
      throw new SpecException(UrlTexts.shown(uri.toString()) + ": not a URL kfp4j can read: " + e.getMessage());
    }
    AtomicBoolean answered = new AtomicBoolean(); // its headers came: what is slow is the file
    CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request, info -> {
      answered.set(true);
      return new LimitedBody();
    });
    HttpResponse<byte[]> response;
    try {
      response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw DownloadErrors.failed(uri, DownloadErrors.tooSlow(e, answered.get(), timeout));
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof HttpTimeoutException) { // the client's own timer, of the same bound, went off first
        throw DownloadErrors.failed(uri, DownloadErrors.tooSlow(cause, answered.get(), timeout));
      }
      throw DownloadErrors.failed(uri, HttpFailures.why(uri, cause, answered.get(), timeout, client.proxy()));
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw DownloadErrors.failed(uri, "interrupted");
    }
    if (response.statusCode() != 200) {
      throw DownloadErrors.failed(uri, DownloadErrors.answered(response.statusCode()));
    }
    if (response.body().length > MAX_BYTES) {
      throw tooLarge(UrlTexts.shown(uri.toString()));
    }
    return utf8(response.body(), UrlTexts.shown(uri.toString()));
  }

  /** A {@code jar:file:...!/entry} URL; a jar elsewhere would be fetched without any bound. */
  private static String fromJar(URI uri) {
    String inner = uri.getRawSchemeSpecificPart();
    if (!inner.toLowerCase(Locale.ROOT).startsWith("file:") || !inner.contains("!/")) {
      throw new SpecException(uri + ": a jar URL must point into a jar on this machine: jar:file:<jar>!/<entry>");
    }
    try {
      Path jar = Path.of(URI.create(inner.substring(0, inner.indexOf("!/"))));
      if (!Files.isRegularFile(jar)) {
        throw new SpecException(uri + ": no jar file " + jar);
      }
      URLConnection connection = new URL(uri.toString()).openConnection();
      connection.setUseCaches(false);
      try (InputStream in = connection.getInputStream()) {
        return utf8(readLimited(in, uri.toString()), uri.toString());
      }
    } catch (IOException e) {
      throw new SpecException(uri + ": cannot read: " + FileErrors.why(e));
    } catch (IllegalArgumentException e) {
      throw new SpecException(uri + ": cannot read: " + e.getMessage());
    }
  }

  private static byte[] readLimited(InputStream in, String source) throws IOException {
    byte[] bytes = in.readNBytes(MAX_BYTES + 1);
    if (bytes.length > MAX_BYTES) {
      throw tooLarge(source);
    }
    return bytes;
  }

  /** Strict UTF-8: a spec with bytes that are not UTF-8 is refused, naming where they are. */
  static String utf8(byte[] bytes, String source) {
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    try {
      return decoder.decode(in).toString();
    } catch (CharacterCodingException e) {
      int at = in.position();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < at; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      throw new SpecException(source, line, at - lineStart + 1, null, "not UTF-8 text (byte 0x"
          + Integer.toHexString(bytes[at] & 0xff) + " at offset " + at + "); a component spec is a UTF-8 YAML file");
    }
  }

  private static SpecException tooLarge(String source) {
    return new SpecException(source + ": larger than " + MAX_BYTES / (1024 * 1024) + " MiB; not a component spec");
  }

  /** Collects a response body up to {@link #MAX_BYTES} (and one more byte, to tell), then stops reading. */
  private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    @Override
    public java.util.concurrent.CompletionStage<byte[]> getBody() {
      return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      for (ByteBuffer b : buffers) {
        byte[] chunk = new byte[Math.min(b.remaining(), MAX_BYTES + 1 - out.size())];
        b.get(chunk);
        out.write(chunk, 0, chunk.length);
      }
      if (out.size() > MAX_BYTES) {
        subscription.cancel();
        body.complete(out.toByteArray());
      }
    }

    @Override
    public void onError(Throwable t) {
      body.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      body.complete(out.toByteArray());
    }
  }
}
