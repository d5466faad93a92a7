package dev.kfp4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each kind of credential reaches a real server as the header it should, and never shows up anywhere else. */
class AuthTest {
  private static final String SECRET = "s3cr3t-T0KEN-value";

  @TempDir
  Path dir;

  @Test
  void bearerSendsAnAuthorizationHeader() {
    try (Loopback server = Loopback.ok()) {
      server.client(Auth.bearer(SECRET)).healthy();
      assertEquals("Bearer " + SECRET, server.last().header("Authorization"));
    }
  }

  /** KFP4J_TOKEN or auth.token copied with its scheme, as ARGO_TOKEN holds it: sent once, not "Bearer Bearer ...". */
  @Test
  void aTokenGivenWithItsSchemeIsSentWithItOnce() {
    try (Loopback server = Loopback.ok()) {
      for (String given : List.of("Bearer " + SECRET, "bearer " + SECRET, "  Bearer  " + SECRET + "\n", SECRET + "\n")) {
        server.client(Auth.bearer(given)).healthy();
        assertEquals("Bearer " + SECRET, server.last().header("Authorization"), given);
      }
    }
  }

  @Test
  void cookiesSendACookieHeader() {
    try (Loopback server = Loopback.ok()) {
      server.client(Auth.cookies("authservice_session=" + SECRET)).healthy();
      assertEquals("authservice_session=" + SECRET, server.last().header("Cookie"));
      assertNull(server.last().header("Authorization"));
    }
  }

  @Test
  void headerSendsTheNamedHeader() {
    try (Loopback server = Loopback.ok()) {
      server.client(Auth.header("kubeflow-userid", "alice@example.com")).healthy();
      assertEquals("alice@example.com", server.last().header("kubeflow-userid"));
      assertNull(server.last().header("Authorization"));
    }
  }

  @Test
  void noneSendsNoCredential() {
    try (Loopback server = Loopback.ok()) {
      server.client(Auth.none()).healthy();
      assertNull(server.last().header("Authorization"));
      assertNull(server.last().header("Cookie"));
    }
  }

  @Test
  void tokenFileIsReadAgainForEachRequest() throws Exception {
    Path token = dir.resolve("token");
    Files.writeString(token, "first-token\n");
    try (Loopback server = Loopback.ok()) {
      KfpClient kfp = server.client(Auth.tokenFile(token));
      kfp.healthy();
      Files.writeString(token, "rotated-token\n"); // as the kubelet rotates a projected token
      kfp.healthy();
      assertEquals(List.of("Bearer first-token", "Bearer rotated-token"),
          server.requests.stream().map(r -> r.header("Authorization")).toList());
    }
  }

  @Test
  void aMissingTokenFileIsAClearErrorWithoutSendingAnything() {
    Path token = dir.resolve("no-such-token");
    try (Loopback server = Loopback.ok()) {
      KfpException e = assertThrows(KfpException.class, () -> server.client(Auth.tokenFile(token)).healthy());
      assertTrue(e.getMessage().contains("cannot read the token file " + token), e.getMessage());
      assertTrue(server.requests.isEmpty());
    }
  }

  @Test
  void toStringNeverShowsTheSecret() throws Exception {
    Path token = dir.resolve("token");
    Files.writeString(token, SECRET);
    Path key = IapAuthTest.writeServiceAccountKey(dir, IapAuthTest.keyPair(), "https://oauth2.googleapis.com/token");
    String privateKey = IapAuthTest.readKeyField(key, "private_key");
    List<Auth> auths = List.of(Auth.none(), Auth.bearer(SECRET), Auth.tokenFile(token), Auth.cookies("session=" + SECRET),
        Auth.header("x-api-key", SECRET), Auth.iap("client-id.apps.googleusercontent.com", key));
    for (Auth auth : auths) {
      String shown = auth.toString();
      assertFalse(shown.contains(SECRET), shown);
      assertFalse(shown.contains(privateKey.lines().skip(1).findFirst().orElseThrow()), shown);
      assertFalse(shown.startsWith("dev.kfp4j"), "the object's default toString: " + shown);
    }
  }

  /**
   * A server that refuses the credential and echoes what it got, as some proxies and debugging
   * servers do, whole or without its scheme: the error names the status and says to check the
   * credentials, but carries no credential, whether the echo is JSON or plain text.
   */
  @ParameterizedTest
  @ValueSource(ints = {401, 403, 500})
  void errorsNeverCarryTheCredential(int status) {
    for (boolean json : new boolean[] {true, false}) {
      try (Loopback server = Loopback.start(r -> {
        String echo = "rejected " + Stream.of("Authorization", "Cookie", "X-token")
            .filter(h -> r.header(h) != null)
            .map(h -> h + ": " + r.header(h) + " (credential " + r.header(h).replaceFirst("^(Bearer |[^=]+=)", "") + ")")
            .collect(Collectors.joining(", "));
        return json ? Loopback.Answer.json(status, "{\"error\":\"" + echo + "\",\"code\":16,\"message\":\"" + echo + "\"}")
            : new Loopback.Answer(status, "text/plain", echo);
      })) {
        for (Auth auth : List.of(Auth.bearer(SECRET), Auth.cookies("session=" + SECRET), Auth.header("x-token", SECRET))) {
          KfpException e = assertThrows(KfpException.class, () -> server.client(auth).healthy());
          assertEquals(status, e.status());
          assertFalse(e.getMessage().contains(SECRET), e.getMessage());
          assertFalse(e.toString().contains(SECRET), e.toString());
          assertTrue(e.getMessage().contains("answered " + status), e.getMessage());
          if (status != 500) {
            assertTrue(e.getMessage().contains("check the credentials"), e.getMessage());
          }
        }
      }
    }
  }
}
