package dev.kfp4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No credential the command was given appears in what it prints, whatever its length: a real
 * server on loopback echoes every credential header it gets, in its error body and in a redirect.
 */
class CredentialsTest {
  @TempDir Path dir;

  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      try (exchange) {
        String echo = Stream.of("Authorization", "Cookie", "X-Key").map(exchange.getRequestHeaders()::getFirst)
            .filter(v -> v != null).map(v -> v + " " + v.replaceFirst("^(Bearer |.*=)", "")).collect(Collectors.joining(" "));
        if (exchange.getRequestURI().getPath().contains("/pipelines")) {
          exchange.getResponseHeaders().set("Location", "http://login.example.com/" + echo.replace(' ', '/'));
          exchange.sendResponseHeaders(302, -1);
        } else {
          byte[] body = ("{\"error\": \"" + echo + "\", \"message\": \"" + echo + "\"}").getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(500, body.length);
          exchange.getResponseBody().write(body);
        }
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String host() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static void assertHidden(Cli r, String... secrets) {
    assertEquals(Kfp4j.SERVER, r.code(), r.toString());
    for (String secret : secrets) {
      assertFalse(r.out().contains(secret) || r.err().contains(secret), "'" + secret + "' printed: " + r);
    }
    assertTrue(r.err().contains("***"), r.toString());
  }

  @Test
  void aPasswordInTheHostsAddressIsLeftOutOfTheLinksPrinted() {
    Cli front = Cli.run("ui", "--host", "http://user:Wm9@127.0.0.1:9/pipeline");
    assertEquals(0, front.code(), front.toString());
    assertEquals("http://127.0.0.1:9/pipeline/#/pipelines\n", front.out());
    Cli page = Cli.run("ui", "--run", "r1", "--host", "http://user:Wm9@127.0.0.1:9");
    assertEquals("http://127.0.0.1:9/#/runs/details/r1\n", page.out(), page.toString());
  }

  /**
   * A credential option written wrong is a usage error (exit 2, the usage line) that does not print
   * what it was given: a header written as curl takes it ({@code Name: value}) was printed whole in
   * picocli's "should be in KEY=VALUE format but was …" (now worded "should be NAME=VALUE but was '***'").
   */
  @Test
  void aUsageErrorHidesTheCredentialsGivenOnTheCommandLine() {
    for (List<String> args : List.of(List.of("list-runs", "--host", host(), "--header", "Authorization: Bearer Wm2"),
        List.of("list-pipelines", "--header=X-Key: Wm1", "--host", host()),
        List.of("list-runs", "--header", "X-Key=Wm0", "--header", "Wm9"))) {
      Cli r = Cli.run(args.toArray(String[]::new));
      assertEquals(Kfp4j.USAGE, r.code(), r.toString());
      assertTrue(r.err().contains("Value for option '--header' (NAME=VALUE) should be NAME=VALUE but was '***'"), r.toString());
      assertTrue(r.err().contains("kfp4j " + args.get(0) + " ["), "the usage line: " + r);
      for (String secret : List.of("Wm2", "Wm1", "Wm0", "Wm9")) {
        assertFalse(r.err().contains(secret) || r.out().contains(secret), "'" + secret + "' printed: " + r);
      }
    }
  }

  /**
   * A credential option misspelled is an unknown option, refused without printing what it was given:
   * picocli listed it, {@code Unknown options: '--heder', 'X-Key=...'}. The option's name stays, and
   * picocli's suggestion of the one meant; an argument after no unknown option is still shown.
   */
  @Test
  void anUnknownOptionIsRefusedWithoutItsValue() {
    Cli apart = Cli.run("list-runs", "--host", host(), "--heder", "X-Key=Wm3");
    assertEquals(Kfp4j.USAGE, apart.code(), apart.toString());
    assertTrue(apart.err().startsWith("kfp4j: error: Unknown options: '--heder', '***'"), apart.toString());
    assertTrue(apart.err().contains("--header"), "picocli's suggestion: " + apart);
    Cli joined = Cli.run("list-runs", "--host", host(), "--tokn-file=/run/secrets/Wm4");
    assertEquals(Kfp4j.USAGE, joined.code(), joined.toString());
    assertTrue(joined.err().startsWith("kfp4j: error: Unknown option: '--tokn-file=***'"), joined.toString());
    for (Cli r : List.of(apart, joined)) {
      assertFalse(r.err().contains("Wm3") || r.err().contains("Wm4") || r.out().contains("Wm"), r.toString());
    }
    Cli positional = Cli.run("list-runs", "--host", host(), "extra");
    assertEquals(Kfp4j.USAGE, positional.code(), positional.toString());
    assertTrue(positional.err().contains("'extra'"), positional.toString());
  }

  /** A host or Argo Server written wrong is a usage error that names it without its password (it printed it whole). */
  @Test
  void aHostWrittenWrongIsAUsageErrorWithoutItsPassword() {
    for (List<String> args : List.of(List.of("list-runs", "--host", "http://u:Wm8@h x"), List.of("list-pipelines", "--host", "ftp://u:Wm8@h"),
        List.of("list-runs", "--host", "http://u:Wm8@"), List.of("run-once", "--argo", "--argo-server", "https://u:Wm8@h x"),
        List.of("run-once", "--argo", "--argo-server", "https://u:Wm8@"))) {
      List<String> all = new java.util.ArrayList<>(args);
      all.addAll(List.of("--classes", CommandsTest.CLASSES, "-p", "add-example"));
      Cli r = Cli.run((args.get(0).startsWith("list") ? args : all).toArray(String[]::new));
      assertEquals(Kfp4j.USAGE, r.code(), r.toString());
      assertTrue(r.err().startsWith("kfp4j: error: host '" + args.get(args.size() - 1).replace("u:Wm8", "***") + "' "), r.toString());
      assertTrue(r.err().contains("kfp4j " + args.get(0) + " ["), "the usage line: " + r);
      assertFalse(r.err().contains("Wm8") || r.out().contains("Wm8"), "the password printed: " + r);
    }
  }

  /**
   * A host or Argo Server with a query ({@code ?token=...}), from an option or the config, is a usage error before anything is
   * sent, the host shown with the query's values masked: the API's paths were added after the query (the request went to the
   * host's root), and "cannot reach" printed the query's values.
   */
  @Test
  void aHostWithAQueryIsRefusedBeforeAnythingIsSent() throws IOException {
    java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
    HttpServer counting = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    counting.createContext("/", exchange -> {
      try (exchange) {
        requests.incrementAndGet();
        exchange.sendResponseHeaders(200, -1);
      }
    });
    counting.start();
    try {
      String at = "http://127.0.0.1:" + counting.getAddress().getPort();
      Path config = Files.writeString(dir.resolve("kfp4j.yaml"), "host: " + at + "/pipeline?token=Qx7Zq9tok\n");
      Cli kfp = Cli.run("list-runs", "--host", at + "/?token=Qx7Zq9tok");
      Cli fromConfig = Cli.run("list-runs", "--config", config.toString());
      Cli argo = Cli.run("run-once", "--argo", "--argo-server", at + "?access_token=Qx7Zq9tok", "--classes", CommandsTest.CLASSES,
          "-p", "add-example");
      assertTrue(kfp.err().startsWith("kfp4j: error: host '" + at + "/?token=***' has a query, which kfp4j cannot send: the API's "
          + "paths are added to the host; write it as http(s)://host[:port][/path] and give a credential with --token-file, --header "
          + "or --cookies (or the config's auth)\n"), kfp.toString());
      assertTrue(fromConfig.err().startsWith("kfp4j: error: host '" + at + "/pipeline?token=***' has a query, "), fromConfig.toString());
      assertTrue(argo.err().startsWith("kfp4j: error: host '" + at + "?access_token=***' has a query, "), argo.toString());
      for (Cli r : List.of(kfp, fromConfig, argo)) {
        assertEquals(Kfp4j.USAGE, r.code(), r.toString());
        assertFalse(r.out().contains("Qx7Zq9tok") || r.err().contains("Qx7Zq9tok"), "printed: " + r);
      }
      assertEquals(0, requests.get(), "requests sent");
    } finally {
      counting.stop(0);
    }
  }

  /**
   * A host is named without the credentials its address may carry: a password before the host in "cannot reach", in the
   * links, in "no experiment 'x' on http://u:pw@..." and "no pipeline 'x' on ...", by 'init', and in the JDK's error for an
   * id a URL cannot hold ({@code runs get 'a b'}); the value of each query parameter ({@code ?token=...}) was printed in
   * "cannot reach" and the links before a host with a query was refused ({@link #aHostWithAQueryIsRefusedBeforeAnythingIsSent}).
   */
  @Test
  void aHostsQueryValuesAndPasswordArePrintedNowhere() throws IOException {
    int closed;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    String down = "http://u:Qx7Zq9tok@127.0.0.1:" + closed;
    String downShown = "http://***@127.0.0.1:" + closed;
    Cli unreachable = Cli.run("list-runs", "--host", down + "/");
    assertEquals(Kfp4j.SERVER, unreachable.code(), unreachable.toString());
    assertTrue(unreachable.err().startsWith("kfp4j: error: cannot reach " + downShown + ": connection refused; "), unreachable.toString());
    Cli argo = Cli.run("run-once", "--argo", "--argo-server", down, "--classes", CommandsTest.CLASSES, "-p", "add-example");
    assertEquals(Kfp4j.SERVER, argo.code(), argo.toString());
    assertTrue(argo.err().contains("cannot reach " + downShown + ": connection refused; "), argo.toString());
    Cli link = Cli.run("ui", "--run", "r1", "--host", "http://u:Qx7Zq9tok@127.0.0.1:9/pipeline");
    assertEquals("http://127.0.0.1:9/pipeline/#/runs/details/r1\n", link.out(), link.toString());
    Cli init = Cli.run("init", "u:Qx7Zq9tok@kfp.example.com", "--config", dir.resolve("kfp4j.yaml").toString());
    assertEquals(Kfp4j.USAGE, init.code(), init.toString());
    assertTrue(init.err().startsWith("kfp4j: error: host '***@kfp.example.com' needs its scheme"), init.toString());
    Cli id = Cli.run("runs", "get", "a b", "--host", "http://u:Qx7Zq9tok@127.0.0.1:9");
    assertEquals(Kfp4j.USAGE, id.code(), id.toString());
    assertTrue(id.err().startsWith("kfp4j: error: GET /apis/v1beta1/runs/a b cannot be sent: Illegal character in path;"), id.toString());
    List<Cli> all = new java.util.ArrayList<>(List.of(unreachable, argo, link, init, id));
    try (dev.kfp4j.testing.server.FakeKfpServer kfp = dev.kfp4j.testing.server.FakeKfpServer.start()) {
      String host = kfp.uri().toString().replace("://", "://u:Qx7Zq9tok@");
      String shown = kfp.uri().toString().replace("://", "://***@");
      Cli runs = Cli.run("list-runs", "--host", host, "--experiment", "Nope");
      assertTrue(runs.err().contains("no experiment 'Nope' on " + shown), runs.toString());
      Cli experiment = Cli.run("experiments", "get", "Nope", "--host", host);
      assertTrue(experiment.err().contains("no experiment named 'Nope' or of that id on " + shown), experiment.toString());
      Cli pipeline = Cli.run("pipelines", "get", "nope", "--host", host);
      assertTrue(pipeline.err().contains("no pipeline named 'nope' or of that id on " + shown), pipeline.toString());
      Cli schedule = Cli.run("schedule", "--host", host, "--cron-expression", "0 0 4 * * *", "--classes", CommandsTest.CLASSES,
          "-p", "add-example");
      assertTrue(schedule.err().contains("no pipeline 'add-example' on " + shown + "; upload it first"), schedule.toString());
      all.addAll(List.of(runs, experiment, pipeline, schedule));
    }
    for (Cli r : all) {
      assertFalse(r.out().contains("Qx7Zq9tok") || r.err().contains("Qx7Zq9tok"), "printed: " + r);
    }
  }

  @Test
  void credentialsFromTheConfigFileTheOptionsAndATokenFileArePrintedNowhere() throws IOException {
    Path config = Files.writeString(dir.resolve("kfp4j.yaml"), "auth:\n  token: Wm7\n");
    Path tokenFile = Files.writeString(dir.resolve("token"), "Wm6\n");
    for (String command : List.of("list-runs", "list-pipelines")) {
      assertHidden(Cli.run(command, "--host", host(), "--config", config.toString()), "Wm7");
      assertHidden(Cli.run(command, "--host", host(), "--token-file", tokenFile.toString()), "Wm6");
      assertHidden(Cli.run(command, "--host", host(), "--cookies", "csrf=Wm5; authservice_session=Wm4"), "Wm5", "Wm4");
      assertHidden(Cli.run(command, "--host", host(), "--header", "X-Key=Wm3"), "Wm3");
    }
  }

  /**
   * A token is a bearer token, as KFP's client's {@code existing_token}: one written with another scheme ({@code Basic ...},
   * a proxy's credentials) went as {@code Authorization: Bearer Basic ...}, which no server takes; now a usage error before
   * anything is sent (exit 2), saying to send the header itself, and showing no part of it.
   */
  @Test
  void aTokenWithAnotherSchemeIsRefusedSayingToSendTheHeader() throws IOException {
    String basic = "Basic " + java.util.Base64.getEncoder().encodeToString("alice:Wq2pa55".getBytes(StandardCharsets.UTF_8));
    Path config = Files.writeString(dir.resolve("kfp4j.yaml"), "auth:\n  token: " + basic + "\n");
    Cli refused = Cli.run("list-runs", "--host", host(), "--config", config.toString());
    assertEquals(Kfp4j.USAGE, refused.code(), refused.toString());
    assertTrue(refused.err().startsWith("kfp4j: error: auth.token is not a bearer token (it holds a space): kfp4j sends it as "
        + "'Authorization: Bearer <token>', as KFP's client sends a token; for another scheme, such as a proxy's Basic auth, send "
        + "the header itself: --header 'Authorization=Basic ...' or the config's auth.headers\n"), refused.toString());
    assertFalse(refused.err().contains(basic.substring(6)) || refused.out().contains(basic.substring(6)), refused.toString());
    // the header itself goes (the server echoes it, hidden), and a token written with its scheme Bearer as it did
    assertHidden(Cli.run("list-runs", "--host", host(), "--header", "Authorization=" + basic), basic.substring(6));
    Path bearer = Files.writeString(dir.resolve("bearer.yaml"), "auth:\n  token: Bearer Wm8\n");
    assertHidden(Cli.run("list-runs", "--host", host(), "--config", bearer.toString()), "Wm8"); // with its scheme, as it was
  }
}
