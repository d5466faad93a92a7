package dev.kfp4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.local.UiLink;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalUiCommandTest {
  @TempDir Path dir;

  @Test
  void refusesAnAddressThatIsNotLoopback() {
    Cli cli = Cli.run("ui", "--local", "--bind", "0.0.0.0", "--root", dir.toString());
    assertEquals(Kfp4j.USAGE, cli.code(), cli.toString());
    assertTrue(cli.err().contains("loopback address only"), cli.err());
    assertFalse(Files.exists(dir.resolve(UiLink.FILE)));
  }

  /** A --classes folder that is not there is a usage error: the UI served a form with no pipeline to start. */
  @Test
  void aClassesFolderThatIsNotThereIsAUsageError() {
    Path missing = dir.resolve("no-such-classes");
    Cli cli = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Cli.run("ui", "--local", "--port", "0",
        "--root", dir.resolve("runs").toString(), "--classes", missing.toString()));
    assertEquals(Kfp4j.USAGE, cli.code(), cli.toString());
    assertTrue(cli.err().startsWith("kfp4j: error: --classes names " + missing + ", which is not there; name the folder 'mvn compile' "
        + "writes the classes to (target/classes), after 'mvn compile'\nkfp4j ui ["), cli.err());
    assertFalse(Files.exists(dir.resolve("runs")), "nothing served");
  }

  /** A port another program serves on is a usage error that says to choose another (it was exit 5, "unexpected IOException"). */
  @Test
  void aPortInUseIsAUsageError() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Cli cli = Cli.run("ui", "--local", "--port", "" + taken.getLocalPort(), "--root", dir.resolve("runs").toString(),
          "--classes", Files.createDirectories(dir.resolve("classes")).toString());
      assertEquals(Kfp4j.USAGE, cli.code(), cli.toString());
      assertTrue(cli.err().startsWith("kfp4j: error: cannot serve on 127.0.0.1:" + taken.getLocalPort() + ": "), cli.err());
      assertTrue(cli.err().contains("choose another port with --port"), cli.err());
      assertTrue(cli.err().contains("kfp4j ui ["), "the usage line: " + cli.err());
      assertFalse(cli.err().contains("unexpected"), cli.err());
    }
  }

  /**
   * The local UI's options without --local, and --run with it, are usage errors: they were left
   * unused, 'ui --port 9000' printing the KFP UI's address and 'ui --local --run ID' serving the runs folder.
   */
  @Test
  void optionsOfTheOtherUiAreUsageErrors() {
    for (String option : List.of("--root", "--port", "--bind", "--classes", "--classpath")) {
      Cli cli = Cli.run("ui", "--host", "http://127.0.0.1:9", option, option.equals("--port") ? "9000" : dir.toString());
      assertEquals(Kfp4j.USAGE, cli.code(), cli.toString());
      assertTrue(cli.err().contains(option + " is for the local UI: add --local"), cli.err());
      assertEquals("", cli.out());
    }
    Cli cli = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Cli.run("ui", "--local", "--run", "r1", "--port", "0",
        "--root", dir.resolve("runs").toString()));
    assertEquals(Kfp4j.USAGE, cli.code(), cli.toString());
    assertTrue(cli.err().contains("--run is a run's page in the KFP UI"), cli.err());
    assertFalse(Files.exists(dir.resolve("runs")), "nothing served");
  }

  @Test
  void servesTheRunsFolderUntilStopped() throws Exception {
    Path root = dir.resolve("runs");
    CompletableFuture<Cli> served = new CompletableFuture<>();
    Path classes = Files.createDirectories(dir.resolve("classes"));
    Thread t = new Thread(() -> served.complete(Cli.run("ui", "--local", "--port", "0", "--root", root.toString(),
        "--classes", classes.toString())));
    t.start();
    Path link = root.resolve(UiLink.FILE);
    while (!Files.exists(link) && t.isAlive()) {
      Thread.onSpinWait();
    }
    URI url = URI.create(Files.readAllLines(link).get(0));
    assertEquals("127.0.0.1", url.getHost());
    HttpResponse<String> runs = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url.resolve("/api/runs")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, runs.statusCode());
    assertEquals("[]", runs.body());
    t.interrupt();
    Cli cli = served.get();
    assertEquals(Kfp4j.OK, cli.code(), cli.toString());
    assertEquals(List.of("kfp4j UI: " + url + " (runs in " + root.toAbsolutePath().normalize() + "; Ctrl-C stops it)"),
        cli.out().lines().toList());
    assertFalse(Files.exists(link), "the address goes when the UI stops");
  }
}
