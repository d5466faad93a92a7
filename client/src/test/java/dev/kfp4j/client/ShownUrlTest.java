package dev.kfp4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A URL is shown without the credentials it may carry: a password before its host, and the value of every query parameter
 * ({@code ?token=...}, {@code ?access_token=...}), which kfp4j cannot tell from a credential.
 */
class ShownUrlTest {
  private static final String SECRET = "Qx7Zq9tok";

  @Test
  void theQuerysValuesAndAPasswordAreMaskedTheRestIsShownAsWritten() {
    Map<String, String> shown = new LinkedHashMap<>();
    shown.put("https://kfp.example/?token=" + SECRET, "https://kfp.example/?token=***");
    shown.put("https://kfp.example/pipeline?a=1&access_token=" + SECRET + "#/runs", "https://kfp.example/pipeline?a=***&access_token=***#/runs");
    shown.put("https://u:" + SECRET + "@kfp.example:8443/p?" + SECRET + "&x=&y", "https://***@kfp.example:8443/p?***&x=&***");
    shown.put("kfp.example/?token=" + SECRET, "kfp.example/?token=***");
    shown.put("http://h x/?token=" + SECRET, "http://h x/?token=***");
    shown.put("https://kfp.example/pipeline#/runs?token=x", "https://kfp.example/pipeline#/runs?token=x");
    shown.put("https://kfp.example/pipeline", "https://kfp.example/pipeline");
    shown.put("http://127.0.0.1:8080", "http://127.0.0.1:8080");
    shown.put("http://admin:pa#" + SECRET + "@kfp.example/p", "http://***@kfp.example/p"); // a password not percent-encoded
    shown.put("http://admin:pa/" + SECRET + "@kfp.example", "http://***@kfp.example");
    shown.put("http://admin:pa?" + SECRET + "@kfp.example?t=1", "http://***@kfp.example?t=***");
    shown.put("http://admin:123#" + SECRET + "@kfp.example", "http://***@kfp.example");
    shown.put("https://kfp.example/users/a@b?x=1", "https://kfp.example/users/a@b?x=***");
    for (var s : shown.entrySet()) {
      assertEquals(s.getValue(), ShownUrl.of(s.getKey()));
    }
  }

  /** "cannot reach" showed the host whole, the query and all. */
  @Test
  void anUnreachableHostIsNamedWithoutItsQuerysValues() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    } // closed: nothing listens there now
    String host = "http://127.0.0.1:" + port + "/?token=" + SECRET;
    KfpException kfp = assertThrows(KfpException.class, () -> KfpClient.builder().host(host).build().healthy());
    assertTrue(kfp.getMessage().startsWith("cannot reach http://127.0.0.1:" + port + "/?token=*** ("), kfp.getMessage());
    KfpException argo = assertThrows(KfpException.class,
        () -> ArgoClient.builder().server("http://127.0.0.1:" + port + "?access_token=" + SECRET).auth(Auth.none()).build().get("w"));
    assertTrue(argo.getMessage().startsWith("cannot reach http://127.0.0.1:" + port + "?access_token=*** ("), argo.getMessage());
    for (KfpException e : new KfpException[] {kfp, argo}) {
      assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    }
  }

  @Test
  void aHostWrittenWrongIsRefusedWithoutItsQuerysValues() {
    String message = assertThrows(KfpException.class, () -> KfpClient.builder().host("http://h x/?token=" + SECRET).build()).getMessage();
    assertEquals("host 'http://h x/?token=***' is not a URL; write it as http(s)://host[:port][/path]", message);
    String argo = assertThrows(KfpException.class, () -> ArgoClient.builder().server("ftp://h/?access_token=" + SECRET).build()).getMessage();
    assertEquals("host 'ftp://h/?access_token=***' is not an http(s) address; write it as http(s)://host[:port][/path]", argo);
  }

  /** The server's answers that ask whether the host is the API server named it, the query and all. */
  @Test
  void aServerThatIsNotTheApiIsNamedWithoutItsQuerysValues() {
    try (Loopback html = Loopback.start(r -> new Loopback.Answer(404, "text/html", "<html>no</html>"));
         Loopback text = Loopback.start(r -> new Loopback.Answer(200, "text/plain", "hello"))) {
      for (Loopback server : new Loopback[] {html, text}) {
        KfpClient kfp = KfpClient.builder().host(server.url() + "/?token=" + SECRET).build();
        String message = assertThrows(KfpException.class, kfp::healthy).getMessage();
        assertTrue(message.contains(server.url() + "/?token=*** "), message);
        assertFalse(message.contains(SECRET), message);
      }
    }
  }

  /** A redirect's target named a password it carried. */
  @Test
  void aRedirectsTargetIsNamedWithoutItsPassword() {
    try (Loopback server = Loopback.start(r -> new Loopback.Answer(302, "text/html", "")
        .withHeader("Location", "https://u:" + SECRET + "@login.example/auth"))) {
      String message = assertThrows(KfpException.class, () -> server.client(Auth.none()).healthy()).getMessage();
      assertTrue(message.contains("redirecting to https://***@login.example/auth;"), message);
      assertFalse(message.contains(SECRET), message);
    }
  }

  /** The UI's links are printed: without the password (as before) and with the query's values masked, before the page. */
  @Test
  void linksShowTheQuerysNamesNotItsValues() {
    KfpClient kfp = KfpClient.builder().host("https://u:" + SECRET + "@kfp.example/pipeline?token=" + SECRET).build();
    assertEquals("https://kfp.example/pipeline/?token=***#/runs/details/r1", kfp.runUrl("r1").toString());
    assertEquals("https://kfp.example/pipeline/?token=***#/pipelines", kfp.uiUrl().toString());
    KfpClient plain = KfpClient.builder().host("https://kfp.example/pipeline").build();
    assertEquals("https://kfp.example/pipeline/#/runs/details/r1", plain.runUrl("r1").toString(), "a host without a query as before");
    KfpClient ui = KfpClient.builder().host("http://127.0.0.1:9").uiHost(java.net.URI.create("https://ui.example/?s=" + SECRET)).build();
    assertEquals("https://ui.example/?s=***#/experiments/details/e1", ui.experimentUrl("e1").toString());
  }

  /**
   * An id a URL cannot hold ({@code kfp4j runs get 'a b'}) is refused naming the request's path: the JDK's message, passed on,
   * held the whole URL, the host's password and its query's values.
   */
  @Test
  void anIdAUrlCannotHoldIsRefusedWithoutTheHostsCredentials() {
    KfpClient kfp = KfpClient.builder().host("http://u:" + SECRET + "@127.0.0.1:9").build();
    String run = assertThrows(IllegalArgumentException.class, () -> kfp.getRun("a b")).getMessage();
    assertEquals("GET /apis/v1beta1/runs/a b cannot be sent: Illegal character in path; an id or name given holds a character a URL "
        + "cannot hold (a space, a %, ...)", run);
    ArgoClient argo = ArgoClient.builder().server("http://127.0.0.1:9/?access_token=" + SECRET).auth(Auth.none()).build();
    String workflow = assertThrows(IllegalArgumentException.class, () -> argo.get("a%zz")).getMessage();
    assertTrue(workflow.startsWith("GET /api/v1/workflows/argo/a%zz cannot be sent: "), workflow);
    for (String message : new String[] {run, workflow}) {
      assertFalse(message.contains(SECRET), message);
    }
  }

  /** The UI's address from the environment, no URL, was the JDK's error, the whole address in it. */
  @Test
  void aUiAddressFromTheEnvironmentThatIsNoUrlIsRefusedWithoutItsCredentials() {
    Map<String, String> env = Map.of(KfpClient.UI_ENDPOINT_ENV, "https://u:" + SECRET + "@ui x/?s=" + SECRET);
    String message = assertThrows(KfpException.class, () -> KfpClient.builder().host("http://127.0.0.1:9").build(env::get)).getMessage();
    assertEquals(KfpClient.UI_ENDPOINT_ENV + " 'https://***@ui x/?s=***' is not a URL; write it as http(s)://host[:port][/path]", message);
  }
}
