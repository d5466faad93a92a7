package dev.kfp4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.TarImage;
import dev.kfp4j.testing.containers.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registry or the engine that cannot be reached or refuses ends {@code kfp4j image} and {@code
 * validate --image} with one line that names it and says what to check, and exit code 3; anything
 * else unexpected with one line and exit code 5, its stack trace only with {@code -v}. No network
 * outside: the registries are loopback ports, the base image a tar file Jib writes from scratch.
 */
class ImageErrorsTest {
  @TempDir static Path dir;
  static Path classes;
  static Path base;

  @BeforeAll
  static void project() throws Exception {
    classes = dir.resolve("target/classes");
    Path components = Files.createDirectories(classes.resolve("META-INF/kfp4j/components"));
    Files.copy(Path.of("../examples/target/classes/META-INF/kfp4j/components/add.yaml"), components.resolve("add.yaml"));
    base = dir.resolve("base.tar");
    // Jib's cache of the layers in the test's folder, not jib-core's default folder in /tmp, which outlives the test
    Jib.fromScratch().containerize(Containerizer.to(TarImage.at(base).named("localhost/kfp4j-test/scratch:1"))
        .setApplicationLayersCache(dir.resolve("jib-layers")));
  }

  /** A loopback port where nothing listens. */
  private static int deadPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** {@code kfp4j image} of the test's classes, to the image of a config file (run_config.image), on the tar base. */
  private static Cli image(String image, String... more) throws IOException {
    return imageOn("tar://" + base, image, more);
  }

  /** {@code kfp4j image} of the test's classes, to the image of a config file (run_config.image), on {@code from}. */
  private static Cli imageOn(String from, String image, String... more) throws IOException {
    Path config = Files.writeString(Files.createTempFile(dir, "kfp4j", ".yaml"), "run_config:\n  image: " + image + "\n");
    List<String> args = new java.util.ArrayList<>(List.of("image", "--classes", classes.toString(), "--classpath", entrypoint(),
        "--config", config.toString(), "--base", from, "--no-class-data-archive"));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  /** Where kfp4j-entrypoint is on the test's class path (its jar, or its module's class folder): what every entrypoint runs on. */
  static String entrypoint() {
    try {
      return Path.of(dev.kfp4j.entrypoint.Entrypoint.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void anImageWithoutKfp4jEntrypointIsAUsageErrorBeforeAnythingIsBuilt() throws IOException {
    Path tar = dir.resolve("no-entrypoint.tar");
    Path config = Files.writeString(Files.createTempFile(dir, "kfp4j", ".yaml"), "run_config:\n  image: localhost/kfp4j/app:1\n");
    Cli r = Cli.run("image", "--classes", classes.toString(), "--classpath", "", "--config", config.toString(), "--base", "tar://" + base,
        "--no-class-data-archive", "--to", "tar", "--tar", tar.toString());
    assertEquals(Kfp4j.USAGE, r.code(), r.toString());
    assertTrue(r.err().startsWith("kfp4j: error: the image would have no kfp4j-entrypoint, which the Java components' entrypoints run "
        + "on, so none of them could start: no jar of --classpath has it; add dev.kfp4j:kfp4j-entrypoint to the project's runtime "
        + "dependencies (not provided)"), r.toString());
    assertFalse(Files.exists(tar), "nothing built");
  }

  /**
   * A build leaves nothing in the temp folder, built or failed: not its jars, nor Jib's cache of the application layers, which
   * jib-core keeps by default in one folder there for every build and user ({@code jib-core-application-layers-cache}),
   * growing by each build's layers; nor, after a base image the registry refused, the project's layers Jib may still be writing
   * as the build fails.
   */
  @Test
  void aBuildLeavesNothingInTheTempFolder() throws Exception {
    Path tar = dir.resolve("in-tmp.tar");
    Path built = inTempFolder("built", "tar://" + base, "--to", "tar", "--tar", tar.toString());
    assertTrue(Files.size(tar) > 0);
    try (var left = Files.list(built)) {
      assertEquals(List.of(), left.map(f -> f.getFileName().toString()).toList());
    }
    try (RefusingRegistry refusing = new RefusingRegistry()) { // it refuses the base as the project's layers are written
      Path failed = inTempFolder("failed", "127.0.0.1:" + refusing.port() + "/base:1", "--to", "tar", "--tar",
          dir.resolve("none.tar").toString());
      try (var left = Files.list(failed)) {
        assertEquals(List.of(), left.map(f -> f.getFileName().toString()).toList());
      }
    }
  }

  /**
   * {@code kfp4j image ... more} of a copy of the test's classes (its own record) on the base {@code from}, in a fresh JVM whose
   * temp folder is {@code tmp-NAME}, which it returns, going on after it ({@link GoesOnAfter}); the build succeeds on a tar
   * base, else fails as the base's registry refuses it (exit 3).
   */
  private static Path inTempFolder(String name, String from, String... more) throws Exception {
    Path config = Files.writeString(Files.createTempFile(dir, "kfp4j", ".yaml"), "run_config:\n  image: localhost/kfp4j/app:1\n");
    Path tmp = Files.createDirectories(dir.resolve("tmp-" + name));
    Path own = Files.createDirectories(dir.resolve("in-tmp-" + name + "/target/classes/META-INF/kfp4j/components"));
    Files.copy(classes.resolve("META-INF/kfp4j/components/add.yaml"), own.resolve("add.yaml"));
    List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"), GoesOnAfter.class.getName(), "image", "--classes",
        dir.resolve("in-tmp-" + name + "/target/classes").toString(), "--classpath", entrypoint(), "--base", from,
        "--no-class-data-archive", "--config", config.toString()));
    command.addAll(List.of(more));
    Path out = dir.resolve("in-tmp-" + name + ".txt");
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS));
    assertEquals(from.startsWith("tar://") ? Kfp4j.OK : Kfp4j.SERVER, p.exitValue(), Files.readString(out));
    return tmp;
  }

  /** {@code kfp4j args} in a fresh JVM whose PATH has no docker or podman (and no KFP4J_ENGINE): its exit code and output. */
  private static Cli withoutAnEngine(String... args) throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty-path"));
    List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Kfp4j.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(dir.resolve("out.txt").toFile())
        .redirectError(dir.resolve("err.txt").toFile());
    pb.environment().put("PATH", empty.toString());
    pb.environment().remove(Engine.ENGINE_ENV);
    Process p = pb.start();
    assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS));
    return new Cli(p.exitValue(), Files.readString(dir.resolve("out.txt")), Files.readString(dir.resolve("err.txt")));
  }

  @Test
  void withoutAnEngineTheImageIsBuiltWithoutAClassDataArchiveAndValidateImageIsAUsageErrorEachSayingWhatToDo() throws Exception {
    Path config = Files.writeString(Files.createTempFile(dir, "kfp4j", ".yaml"), "run_config:\n  image: localhost/kfp4j/app:1\n");
    Path own = Files.createDirectories(dir.resolve("no-engine/target/classes/META-INF/kfp4j/components")); // its own record
    Files.copy(classes.resolve("META-INF/kfp4j/components/add.yaml"), own.resolve("add.yaml"));
    Cli built = withoutAnEngine("image", "--classes", dir.resolve("no-engine/target/classes").toString(), "--classpath", entrypoint(), "--config", config.toString(),
        "--base", "tar://" + base, "--to", "tar", "--tar", dir.resolve("no-engine.tar").toString());
    assertEquals(Kfp4j.OK, built.code(), built.toString());
    assertTrue(built.err().contains("no class-data archive: no container engine here: neither docker nor podman on the PATH answers "
        + "'version'; install one, or build it without one with --no-class-data-archive\n"), built.toString());

    Cli checked = withoutAnEngine("validate", "--classes", classes.toString(), "--image", "localhost/kfp4j/app:1");
    assertEquals(Kfp4j.USAGE, checked.code(), checked.toString());
    assertTrue(checked.err().startsWith("kfp4j: error: no container engine here: neither docker nor podman on the PATH answers "
        + "'version'; install one, or validate without --image\n"), checked.toString());
  }

  /** The error is the last line of standard error, one line, with no stack trace anywhere. */
  private static String oneLineError(Cli r) {
    assertFalse(r.err().contains("at dev.kfp4j") || r.err().contains("Exception") || r.err().contains("\tat "), r.toString());
    List<String> lines = r.err().strip().lines().toList();
    String last = lines.get(lines.size() - 1);
    assertTrue(last.startsWith("kfp4j: error: "), r.toString());
    assertEquals(1, lines.stream().filter(l -> l.startsWith("kfp4j: ")).count(), r.toString());
    return last;
  }

  @Test
  void aPushToALoopbackPortWhereNothingListensIsExit3NamingTheRegistry() throws IOException {
    String registry = "127.0.0.1:" + deadPort();
    Cli r = image(registry + "/kfp4j/app:1");
    assertEquals(Kfp4j.SERVER, r.code(), r.toString());
    String error = oneLineError(r);
    assertTrue(error.startsWith("kfp4j: error: cannot push " + registry + "/kfp4j/app:1 to " + registry + ": "), error);
    assertTrue(error.contains("Connection refused"), error);
    assertTrue(error.contains("check the network, that the registry runs") && error.contains("--to daemon or --to tar"), error);
    assertFalse(Files.exists(classes.resolveSibling(BuiltImage.FILE)), "nothing recorded");
  }

  @Test
  void aBaseImageOnALoopbackPortWhereNothingListensIsExit3NamingTheBase() throws IOException {
    String registry = "127.0.0.1:" + deadPort();
    Cli r = imageOn(registry + "/base:1", "localhost/kfp4j/app:1", "--to", "tar", "--tar", dir.resolve("out.tar").toString());
    assertEquals(Kfp4j.SERVER, r.code(), r.toString());
    String error = oneLineError(r);
    assertTrue(error.startsWith("kfp4j: error: cannot pull the base image " + registry + "/base:1 from " + registry + ": "), error);
    assertTrue(error.contains("name one you can reach with --base"), error);
  }

  @Test
  void aRegistryThatRefusesThePushIsExit3WithWhatItSaidAndTheLogin() throws Exception {
    try (RefusingRegistry refusing = new RefusingRegistry()) {
      String registry = "127.0.0.1:" + refusing.port();
      Cli r = image(registry + "/kfp4j/app:1");
      assertEquals(Kfp4j.SERVER, r.code(), r.toString());
      String error = oneLineError(r);
      assertTrue(error.startsWith("kfp4j: error: cannot push " + registry + "/kfp4j/app:1 to " + registry + ": "), error);
      assertTrue(error.contains("'docker login' or 'podman login'"), error);
    }
  }

  /**
   * A base image on a registry on loopback is reached over plain HTTP without --insecure, as the
   * image's own registry is, whatever the image is named: the registry answers (here it refuses).
   */
  @Test
  void aBaseImageOnALoopbackRegistryIsReachedOverPlainHttp() throws Exception {
    try (RefusingRegistry refusing = new RefusingRegistry()) {
      String registry = "127.0.0.1:" + refusing.port();
      Cli r = imageOn(registry + "/base:1", "ghcr.io/kfp4j/app:1", "--to", "tar", "--tar", dir.resolve("plain.tar").toString());
      assertEquals(Kfp4j.SERVER, r.code(), r.toString());
      String error = oneLineError(r);
      assertTrue(error.startsWith("kfp4j: error: cannot pull the base image " + registry + "/base:1 from " + registry + ": "), error);
      assertTrue(error.contains("'docker login' or 'podman login'"), "what the registry said, over HTTP: " + error);
    }
  }

  @Test
  void aMissingBaseFileIsAUsageError() throws IOException {
    Cli r = imageOn("tar://" + dir.resolve("none.tar"), "localhost/kfp4j/app:1", "--to", "tar");
    assertEquals(Kfp4j.USAGE, r.code(), r.toString());
    assertTrue(r.err().startsWith("kfp4j: error: the base image tar://" + dir.resolve("none.tar") + " is not a file"), r.toString());
  }

  @Test
  void anUnexpectedFailureIsOneLineAndExit5AndVerbosePrintsWhere() throws IOException {
    Path notAFolder = Files.writeString(dir.resolve("file"), "");
    String tar = notAFolder.resolve("image.tar").toString();
    Cli r = image("localhost/kfp4j/app:1", "--to", "tar", "--tar", tar);
    assertEquals(Kfp4j.FAILED, r.code(), r.toString());
    List<String> lines = r.err().strip().lines().toList();
    String last = lines.get(lines.size() - 1);
    assertTrue(last.startsWith("kfp4j: error: unexpected IOException: building localhost/kfp4j/app:1 failed: "), r.toString());
    assertTrue(last.endsWith(" (-v prints where it happened)"), last);
    assertFalse(r.err().contains("\tat "), r.toString());

    Cli verbose = image("localhost/kfp4j/app:1", "-v", "--to", "tar", "--tar", tar);
    assertEquals(Kfp4j.FAILED, verbose.code(), verbose.toString());
    assertTrue(verbose.err().contains("\tat dev.kfp4j.image.ProjectImage$Builder.build"), verbose.toString());
    assertTrue(verbose.err().strip().lines().reduce((a, b) -> b).orElseThrow().startsWith("kfp4j: error: unexpected IOException"),
        verbose.toString());
  }

  /** {@code kfp4j validate --image IMAGE} of the test's classes with {@code engine}, its global arguments as {@code --engine-arg}s. */
  private static Cli validateImage(Engine engine, String image) throws IOException {
    List<String> args = new java.util.ArrayList<>(List.of("validate", "--classes", classes.toString(), "--image", image, "--engine",
        engine.command().get(0)));
    engine.command().subList(1, engine.command().size()).forEach(a -> args.add("--engine-arg=" + a));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void validateImageWithAnImageTheEngineCannotPullIsExit3() throws IOException {
    Engine engine = Engine.require();
    String image = "127.0.0.1:" + deadPort() + "/kfp4j/nowhere:1";
    Cli r = validateImage(engine, image);
    assertEquals(Kfp4j.SERVER, r.code(), r.toString());
    String error = oneLineError(r);
    assertTrue(error.startsWith("kfp4j: error: " + engine.command().get(0) + " cannot start " + image + " (exit code 125): "), error);
    assertTrue(error.contains("build it into the engine with 'kfp4j image --to daemon'"), error);
  }

  @Test
  void validateImageWithAnImageWithoutJavaIsExit2SayingWhatTheComponentsNeed() throws IOException {
    Engine engine = Engine.require();
    String shell = dev.kfp4j.testing.containers.BaseImages.shell(engine);
    Cli r = validateImage(engine, shell);
    assertEquals(Kfp4j.USAGE, r.code(), r.toString());
    String error = oneLineError(r);
    assertTrue(error.startsWith("kfp4j: error: cannot start java in " + shell + " (exit code "), error);
    assertTrue(error.endsWith("the components need java 17 or newer on the image's PATH (a base such as "
        + dev.kfp4j.image.ProjectImage.DEFAULT_BASE + ")"), error);
  }

  /**
   * A registry on a loopback port that refuses every request, as one refuses an anonymous push:
   * 401 with a Basic challenge (Jib has no credentials to send). It closes a TLS connection at its
   * first byte, so Jib falls back to plain HTTP at once, as with a real registry on loopback.
   */
  private static final class RefusingRegistry implements AutoCloseable {
    private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final Thread thread = new Thread(this::serve, "refusing-registry");

    RefusingRegistry() throws IOException {
      thread.setDaemon(true);
      thread.start();
    }

    int port() {
      return server.getLocalPort();
    }

    private void serve() {
      while (!server.isClosed()) {
        try (Socket s = server.accept()) {
          InputStream in = s.getInputStream();
          if (in.read() == 0x16) {
            continue; // a TLS ClientHello: not here
          }
          for (int last4 = 0; last4 != 0x0d0a0d0a; ) { // the request's head; a GET or a POST without a body is all Jib sends first
            int b = in.read();
            if (b < 0) {
              break;
            }
            last4 = (last4 << 8) | b;
          }
          byte[] body = "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"authentication required\"}]}".getBytes(StandardCharsets.UTF_8);
          OutputStream out = s.getOutputStream();
          out.write(("HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"kfp4j-test\"\r\nContent-Type: application/json\r\n"
              + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
          out.write(body);
          out.flush();
        } catch (IOException e) {
          // closed, or a client that went away
        }
      }
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }
}
