package dev.kfp4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.testing.server.SelfSignedServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -k/--insecure-skip-verify}, as the argo CLI spells it and as KFP's Python {@code Client(verify_ssl=False)}: a KFP
 * API or Argo Server on loopback whose certificate is self-signed and for another name is reached with it, and without it
 * the error says to pass it. Before, only {@code ARGO_INSECURE_SKIP_VERIFY=true} skipped the check, for Argo only, and
 * {@code -k} was an unknown option.
 */
class InsecureSkipVerifyCommandTest {
  private static final String TOKEN = "Zt8kq-s3cr3t";

  @TempDir
  static Path dir;

  private static SelfSignedServer server;
  private static final List<String> requests = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    // self-signed, and for a name that is not the address reached: both checks would refuse it
    server = SelfSignedServer.start(dir, "server", "cluster.invalid", "dns:cluster.invalid", x -> {
      x.getRequestBody().readAllBytes();
      requests.add(x.getRequestMethod() + " " + x.getRequestURI().getPath() + " " + x.getRequestHeaders().getFirst("Authorization"));
      // what either server answers, enough for a list of pipelines and a submitted workflow
      byte[] body = (x.getRequestURI().getPath().startsWith("/apis/") ? "{\"pipelines\": [], \"total_size\": 0}"
          : "{\"metadata\": {\"name\": \"add-example-x1\", \"namespace\": \"argo\"}, \"status\": {}}")
          .getBytes(StandardCharsets.UTF_8);
      x.getResponseHeaders().set("Content-Type", "application/json");
      x.sendResponseHeaders(200, body.length);
      x.getResponseBody().write(body);
      x.close();
    });
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static String address() {
    return server.address();
  }

  @Test
  void kfpIsReachedWithItAndWithoutItTheErrorSaysToPassIt() {
    int before = requests.size();
    Cli refused = Cli.run("list-pipelines", "--host", address());
    assertEquals(Kfp4j.SERVER, refused.code(), refused.toString());
    assertTrue(refused.err().startsWith("kfp4j: error: TLS with " + address() + " failed: "), refused.toString());
    assertTrue(refused.err().contains(", or pass -k/--insecure-skip-verify to not check it"), refused.toString());
    assertEquals(before, requests.size(), "a request went through the refused handshake");

    for (String flag : new String[] {"-k", "--insecure-skip-verify"}) {
      Cli listed = Cli.run("list-pipelines", "--host", address(), flag);
      assertEquals(0, listed.code(), listed.toString());
      assertTrue(requests.get(requests.size() - 1).startsWith("GET /apis/v1beta1/pipelines "), requests.toString());
    }
  }

  @Test
  void theArgoServerIsReachedWithItAndWithoutItTheErrorSaysToPassIt() {
    String[] runOnce = {"run-once", "--argo", "--argo-server", address(), "--classes", CommandsTest.CLASSES, "-p", "add-example"};
    Cli refused = Cli.run(runOnce);
    assertEquals(Kfp4j.SERVER, refused.code(), refused.toString());
    assertTrue(refused.err().contains(", or pass -k/--insecure-skip-verify or set ARGO_INSECURE_SKIP_VERIFY=true to not check it"),
        refused.toString());

    List<String> args = new ArrayList<>(List.of(runOnce));
    args.add("-k");
    Cli submitted = Cli.run(args.toArray(String[]::new));
    assertEquals(0, submitted.code(), submitted.toString());
    assertTrue(submitted.out().contains("add-example-x1"), submitted.toString());
    assertEquals("POST /api/v1/workflows/argo null", requests.get(requests.size() - 1));
  }

  private static String config(String auth) throws Exception {
    return Files.writeString(Files.createTempFile(dir, "kfp4j", ".yaml"), "auth:\n" + auth).toString();
  }

  /**
   * The config's {@code auth.insecure_skip_verify}, as {@code ca_cert} beside it: the option given wins over it, either way
   * ({@code --no-insecure-skip-verify} checks the certificate whatever the file says). Before, the file had no such key:
   * {@code -k} was the only way, and the key an unknown setting.
   */
  @Test
  void theConfigsKeySaysItAndTheOptionGivenWins() throws Exception {
    String skip = config("  insecure_skip_verify: true\n");
    Cli listed = Cli.run("list-pipelines", "--host", address(), "--config", skip);
    assertEquals(0, listed.code(), listed.toString());
    assertTrue(requests.get(requests.size() - 1).startsWith("GET /apis/v1beta1/pipelines "), requests.toString());

    String[] runOnce = {"run-once", "--argo", "--argo-server", address(), "--classes", CommandsTest.CLASSES, "-p", "add-example",
        "--config", skip};
    Cli submitted = Cli.run(runOnce);
    assertEquals(0, submitted.code(), submitted.toString());
    assertEquals("POST /api/v1/workflows/argo null", requests.get(requests.size() - 1));

    int before = requests.size();
    Cli checked = Cli.run("list-pipelines", "--host", address(), "--config", skip, "--no-insecure-skip-verify");
    assertEquals(Kfp4j.SERVER, checked.code(), checked.toString());
    assertTrue(checked.err().startsWith("kfp4j: error: TLS with " + address() + " failed: "), checked.toString());
    List<String> argoChecked = new ArrayList<>(List.of(runOnce));
    argoChecked.add("--no-insecure-skip-verify");
    assertEquals(Kfp4j.SERVER, Cli.run(argoChecked.toArray(String[]::new)).code());
    assertEquals(before, requests.size(), "a request went through a refused handshake");

    for (String unset : new String[] {"  insecure_skip_verify: false\n", "  insecure_skip_verify: ${KFP4J_TEST_UNSET_SKIP:-}\n"}) {
      String file = config(unset);
      assertEquals(Kfp4j.SERVER, Cli.run("list-pipelines", "--host", address(), "--config", file).code(), unset);
      assertEquals(0, Cli.run("list-pipelines", "--host", address(), "--config", file, "-k").code(), unset);
    }
  }

  @Test
  void aKeyThatIsNotTrueOrFalseIsAUsageError() throws Exception {
    String file = config("  insecure_skip_verify: sometimes\n");
    Cli refused = Cli.run("list-pipelines", "--host", address(), "--config", file);
    assertEquals(2, refused.code(), refused.toString());
    assertEquals("kfp4j: error: " + file + ": auth.insecure_skip_verify is 'sometimes'; write true or false", refused.err().lines()
        .findFirst().orElse(""), refused.toString());
  }

  /** The flag changes what is trusted, not what is sent: no credential is printed, the token still goes. */
  @Test
  void theTokenStillGoesAndIsNotPrinted() throws Exception {
    Path token = Files.writeString(dir.resolve("token"), TOKEN);
    Cli listed = Cli.run("list-pipelines", "--host", address(), "-k", "--token-file", token.toString(), "-v");
    assertEquals(0, listed.code(), listed.toString());
    assertEquals("Bearer " + TOKEN, requests.get(requests.size() - 1).substring(requests.get(requests.size() - 1).indexOf("Bearer")));
    assertFalse(listed.out().contains(TOKEN) || listed.err().contains(TOKEN), listed.toString());
  }
}
