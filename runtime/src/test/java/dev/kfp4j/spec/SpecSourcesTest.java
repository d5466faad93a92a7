package dev.kfp4j.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading a spec from a file or URL ends with a spec or a {@link SpecException}: a server that
 * stalls or trickles is cut off when the whole download's bound is up, against real servers on
 * loopback; bytes that are not UTF-8 and schemes other than http(s), file and jar:file are refused.
 */
class SpecSourcesTest {
  private static final String ECHO = "name: Echo\nimplementation: {container: {image: alpine, command: [echo]}}\n";
  /** Short, so the test is quick; the default is 30 s. */
  private static final Duration BOUND = Duration.ofMillis(1500);
  /** For downloads that complete: long, so a loaded machine does not cut them off. */
  private static final Duration AMPLE = Duration.ofSeconds(30);

  @TempDir Path dir;

  private HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(threads);
    server.createContext("/trickle", exchange -> slowly(exchange, 200, true));
    server.createContext("/stall", exchange -> slowly(exchange, 0, true));
    server.createContext("/no-headers", exchange -> slowly(exchange, 0, false));
    server.createContext("/latin1", exchange -> answer(exchange, "name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1)));
    server.createContext("/echo", exchange -> answer(exchange, ECHO.getBytes(StandardCharsets.UTF_8)));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    threads.shutdownNow();
  }

  /** Sends the headers (or not), then one byte of a valid spec every {@code interval} ms (or none), until cut off. */
  private static void slowly(HttpExchange exchange, long intervalMillis, boolean headers) throws IOException {
    try (exchange) {
      if (headers) {
        exchange.sendResponseHeaders(200, 0);
      }
      OutputStream body = exchange.getResponseBody();
      byte[] text = ECHO.getBytes(StandardCharsets.UTF_8);
      for (int i = 0; ; i++) {
        Thread.sleep(intervalMillis == 0 ? 60_000 : intervalMillis);
        body.write(text[i % text.length]);
        body.flush();
      }
    } catch (InterruptedException | IOException e) {
      // the client went away, or the test ended
    }
  }

  private static void answer(HttpExchange exchange, byte[] body) throws IOException {
    try (exchange) {
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  @Test
  void aServerThatTricklesStallsOrNeverAnswersIsCutOffWhenTheBoundIsUp() {
    for (String path : new String[] {"/trickle", "/stall", "/no-headers"}) {
      SpecException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
          () -> assertThrows(SpecException.class, () -> ComponentYaml.read(url(path), BOUND)), path);
      // the server that sent no headers was said to be slow too; now: it did not answer
      assertEquals("cannot download " + url(path) + ": " + (path.equals("/no-headers") ? "no answer in 1500 ms"
          : "the download did not complete in 1500 ms; the server is too slow or stalled"), e.getMessage());
    }
    assertEquals("Echo", ComponentYaml.read(url("/echo"), AMPLE).name());
  }

  @Test
  void bytesThatAreNotUtf8AreASpecException() throws IOException {
    Path file = Files.write(dir.resolve("latin1.yaml"), "name: x\ndescription: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    SpecException e = assertThrows(SpecException.class, () -> ComponentYaml.read(file));
    assertEquals(file + ":2:17: not UTF-8 text (byte 0xe9 at offset 24); a component spec is a UTF-8 YAML file", e.getMessage());
    assertEquals(2, e.line());
    SpecException fromUrl = assertThrows(SpecException.class, () -> ComponentYaml.read(url("/latin1"), AMPLE));
    assertTrue(fromUrl.getMessage().contains("not UTF-8 text"), fromUrl.getMessage());
  }

  @Test
  void onlyHttpFileAndLocalJarUrlsAreRead() throws IOException {
    for (String url : new String[] {"ftp://127.0.0.1/echo.yaml", "gopher://x/y", "mailto:a@b", "relative/echo.yaml",
        "jar:http://127.0.0.1/x.jar!/echo.yaml"}) {
      SpecException e = assertThrows(SpecException.class, () -> ComponentYaml.read(URI.create(url)), url);
      String shown = url.equals("mailto:a@b") ? "***@b" : url; // what stands before an @ may be a credential
      assertTrue(e.getMessage().startsWith(shown + ": "), e.getMessage());
    }
    Path jar = dir.resolve("components.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("echo.yaml"));
      out.write(ECHO.getBytes(StandardCharsets.UTF_8));
    }
    assertEquals("Echo", ComponentYaml.read(URI.create("jar:" + jar.toUri() + "!/echo.yaml")).name());
    Path file = Files.writeString(dir.resolve("echo.yaml"), ECHO);
    assertEquals("Echo", ComponentYaml.read(file.toUri()).name());
  }

  @Test
  void aMissingFileOrAFolderIsASpecException() {
    assertEquals(dir.resolve("none.yaml") + ": no such file",
        assertThrows(SpecException.class, () -> ComponentYaml.read(dir.resolve("none.yaml"))).getMessage());
    assertEquals(dir + ": not a regular file", assertThrows(SpecException.class, () -> ComponentYaml.read(dir)).getMessage());
  }

  /**
   * A component file that cannot be read (no read permission) says why in words: {@code FILE: cannot read: permission denied}.
   * Before, it said {@code FILE: cannot read: FILE}, the system's error naming the file alone. Read by a JVM of its own, which
   * as root runs without the capabilities that let root read any file ({@code setpriv}), so that the permission holds for it.
   */
  @Test
  void aFileThatCannotBeReadSaysWhy() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"), "file permissions");
    Path file = Files.writeString(dir.resolve("echo.yaml"), ECHO);
    Files.setPosixFilePermissions(file, java.util.Set.of());
    java.util.List<String> command = new java.util.ArrayList<>();
    if (System.getProperty("user.name").equals("root")) { // root reads any file: not with these capabilities dropped
      org.junit.jupiter.api.Assumptions.assumeTrue(java.util.Arrays.stream(System.getenv("PATH").split(":"))
          .anyMatch(d -> Files.isExecutable(Path.of(d, "setpriv"))), "setpriv (util-linux), to run as root without them");
      command.addAll(java.util.List.of("setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"));
    }
    command.addAll(java.util.List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), Read.class.getName(), file.toString()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
    assertEquals(file + ": cannot read: permission denied\n", said);
  }

  /** Reads component file {@code args[0]}, and says how it went. */
  static final class Read {
    public static void main(String[] args) {
      try {
        System.out.println("read " + ComponentYaml.read(Path.of(args[0])).name());
      } catch (SpecException e) {
        System.out.println(e.getMessage());
      }
    }
  }
}
