package dev.kfp4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
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

  /**
   * A host or Argo Server with a query ({@code ?token=...}) or a fragment is refused before anything is sent, shown with the
   * query's values masked: the API's paths were added after the query, so every request went to the host's root (the API's
   * path inside the token's value), and "cannot reach" named the host whole.
   */
  @Test
  void aHostWithAQueryOrAFragmentIsRefusedBeforeAnythingIsSent() {
    try (Loopback server = Loopback.ok()) {
      String kfp = assertThrows(KfpException.class,
          () -> KfpClient.builder().host(server.url() + "/?token=" + SECRET).build().healthy()).getMessage();
      assertEquals("host '" + server.url() + "/?token=***' has a query, which kfp4j cannot send: the API's paths are added to the "
          + "host; write it as http(s)://host[:port][/path] and give a credential with --token-file, --header or --cookies (or the "
          + "config's auth)", kfp);
      String argo = assertThrows(KfpException.class, () -> ArgoClient.builder().server(server.url() + "?access_token=" + SECRET)
          .auth(Auth.none()).build().get("w")).getMessage();
      assertTrue(argo.startsWith("host '" + server.url() + "?access_token=***' has a query, which kfp4j cannot send: "), argo);
      Map<String, String> env = Map.of(KfpClient.ENDPOINT_ENV, server.url() + "/pipeline?token=" + SECRET);
      String fromEnv = assertThrows(KfpException.class, () -> KfpClient.builder().build(env::get).healthy()).getMessage();
      assertTrue(fromEnv.startsWith("host '" + server.url() + "/pipeline?token=***' has a query, "), fromEnv);
      String fragment = assertThrows(KfpException.class,
          () -> KfpClient.builder().host(server.url() + "/pipeline#/runs").build().healthy()).getMessage();
      assertTrue(fragment.startsWith("host '" + server.url() + "/pipeline#/runs' has a fragment, which kfp4j cannot send: "), fragment);
      String named = assertThrows(KfpException.class, () -> ArgoClient.builder().server(server.url() + "?t=" + SECRET)
          .options(o -> "-Dkfp4j." + o.substring(2)).build()).getMessage();
      assertTrue(named.endsWith("give a credential with -Dkfp4j.token-file, -Dkfp4j.header or -Dkfp4j.cookies (or the config's auth)"),
          "the options named as the caller names them: " + named);
      for (String message : new String[] {kfp, argo, fromEnv, fragment, named}) {
        assertFalse(message.contains(SECRET), message);
      }
      assertEquals(List.of(), server.requests, "nothing was sent");
    }
  }

  @Test
  void aHostWrittenWrongIsRefusedWithoutItsQuerysValues() {
    String message = assertThrows(KfpException.class, () -> KfpClient.builder().host("http://h x/?token=" + SECRET).build()).getMessage();
    assertEquals("host 'http://h x/?token=***' is not a URL; write it as http(s)://host[:port][/path]", message);
    String argo = assertThrows(KfpException.class, () -> ArgoClient.builder().server("ftp://h/?access_token=" + SECRET).build()).getMessage();
    assertEquals("host 'ftp://h/?access_token=***' is not an http(s) address; write it as http(s)://host[:port][/path]", argo);
  }

  /** The server's answers that ask whether the host is the API server named it, the password and all. */
  @Test
  void aServerThatIsNotTheApiIsNamedWithoutItsQuerysValues() {
    try (Loopback html = Loopback.start(r -> new Loopback.Answer(404, "text/html", "<html>no</html>"));
         Loopback text = Loopback.start(r -> new Loopback.Answer(200, "text/plain", "hello"))) {
      for (Loopback server : new Loopback[] {html, text}) {
        KfpClient kfp = KfpClient.builder().host(server.url().replace("://", "://u:" + SECRET + "@")).build();
        String message = assertThrows(KfpException.class, kfp::healthy).getMessage();
        assertTrue(message.contains(server.url().replace("://", "://***@") + " "), message);
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

  /**
   * The UI's links are printed: without the password (as before) and with the query's values masked, before the page; the
   * UI's address may have a query (a host may not: {@link #aHostWithAQueryOrAFragmentIsRefusedBeforeAnythingIsSent}).
   */
  @Test
  void linksShowTheQuerysNamesNotItsValues() {
    KfpClient kfp = KfpClient.builder().host("http://127.0.0.1:9")
        .uiHost(java.net.URI.create("https://u:" + SECRET + "@kfp.example/pipeline?token=" + SECRET)).build();
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
    ArgoClient argo = ArgoClient.builder().server("http://u:" + SECRET + "@127.0.0.1:9/").auth(Auth.none()).build();
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
