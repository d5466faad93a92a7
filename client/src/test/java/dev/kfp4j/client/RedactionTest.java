package dev.kfp4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No credential appears in a client's errors, whatever its length and however a server echoes it:
 * in a redirect's Location, in a body alone, in JSON with escapes. Real servers on loopback. (A
 * message is masked whole, so a one-letter credential would mask that letter everywhere: the
 * secrets here avoid the letters of the messages' own wording.)
 */
class RedactionTest {
  @TempDir Path dir;

  /** Every way to authenticate, each with {@code secret} as its credential. */
  private List<Auth> auths(String secret) throws IOException {
    Path tokenFile = Files.writeString(dir.resolve("token"), secret + "\n");
    return List.of(Auth.bearer(secret), Auth.tokenFile(tokenFile), Auth.cookies("session=" + secret),
        Auth.cookies("csrf=Zz; session=" + secret), Auth.header("x-api-key", secret));
  }

  /** The credential the request carried, without its scheme or cookie name: what a server would echo. */
  private static String credential(Loopback.Request r) {
    return Stream.of("Authorization", "Cookie", "X-api-key").filter(h -> r.header(h) != null)
        .map(h -> r.header(h).replaceFirst("^(Bearer |.*session=)", "")).collect(Collectors.joining());
  }

  private static void assertHidden(KfpException e, String secret) {
    for (String shown : new String[] {e.getMessage(), e.toString()}) {
      assertFalse(shown.contains(secret), "'" + secret + "' shown: " + shown);
    }
  }

  /** A redirect's Location used to be printed as it came, and leaked the bearer token, the cookies or the token file's token. */
  @ParameterizedTest
  @ValueSource(strings = {"J", "Wm", "t0k3n-7", "a-long-secret-token-value"})
  void aRedirectNeverShowsTheCredential(String secret) throws IOException {
    try (Loopback server = Loopback.start(r -> new Loopback.Answer(302, "text/plain", "")
        .withHeader("Location", "https://login.example.com/p/" + credential(r) + "/callback?state=" + credential(r)))) {
      for (Auth auth : auths(secret)) {
        KfpException e = assertThrows(KfpException.class, () -> server.client(auth).healthy());
        assertEquals(302, e.status());
        assertHidden(e, secret);
        assertTrue(e.getMessage().contains("answered 302 redirecting to https://login.example.com/p/***/callback"), e.getMessage());
      }
    }
  }

  /** Credentials under 8 characters were not hidden when a server echoed them alone. */
  @ParameterizedTest
  @ValueSource(strings = {"Q", "x9", "Zq7", "t0k3n", "s3cr3t7", "Bearer"})
  void aShortCredentialEchoedAloneIsHidden(String secret) throws IOException {
    for (boolean json : new boolean[] {true, false}) {
      try (Loopback server = Loopback.start(r -> json
          ? Loopback.Answer.json(401, "{\"error\": \"" + credential(r) + "\", \"code\": 16, \"message\": \"" + credential(r) + "\"}")
          : new Loopback.Answer(500, "text/plain", credential(r)))) {
        for (Auth auth : auths(secret)) {
          KfpException e = assertThrows(KfpException.class, () -> server.client(auth).healthy());
          assertHidden(e, secret);
          assertTrue(e.getMessage().contains("answered " + (json ? 401 : 500) + ": ***"), e.getMessage());
        }
      }
    }
  }

  /** A credential a server echoes in JSON, escaped there ({@code \"}, {@code \\u0041}), is hidden once unescaped too. */
  @Test
  void aCredentialEscapedInJsonIsHidden() throws IOException {
    String secret = "Ab\"c\\dA";
    try (Loopback server = Loopback.start(r -> Loopback.Answer.json(403,
        "{\"message\": \"bad token " + credential(r).replace("\\", "\\\\").replace("\"", "\\\"").replace("A", "\\u0041") + "\"}"))) {
      KfpException e = assertThrows(KfpException.class, () -> server.client(Auth.bearer(secret)).healthy());
      assertHidden(e, secret);
      assertTrue(e.getMessage().contains("answered 403: bad token ***"), e.getMessage());
    }
  }

  /** A client given a redactor fills it with what it sends, so its caller can hide the same in its own output. */
  @Test
  void aSharedRedactorLearnsTheCredentialsSent() throws IOException {
    Redactor redactor = new Redactor();
    Path tokenFile = Files.writeString(dir.resolve("rotating"), "first\n");
    try (Loopback server = Loopback.ok()) {
      KfpClient kfp = KfpClient.builder().host(server.url()).auth(Auth.tokenFile(tokenFile)).redactor(redactor).build();
      kfp.healthy();
      Files.writeString(tokenFile, "second\n");
      kfp.healthy();
    }
    assertEquals("tokens *** and ***; ***", redactor.redact("tokens first and second; Bearer second"));
  }

  /**
   * A credential holding a line break (a token file of two lines, a header's value pasted with one) is refused without it:
   * the JDK's error, passed on, quoted the header's value ("invalid header value: "Bearer ...""), which no redactor knew yet,
   * as the request was never built.
   */
  @Test
  void aCredentialAHeaderCannotHoldIsRefusedWithoutIt() throws IOException {
    Path tokenFile = Files.writeString(dir.resolve("two-lines"), "Qx7Zq9\nQx7Zq8\n");
    try (Loopback server = Loopback.ok()) {
      for (Auth auth : List.of(Auth.tokenFile(tokenFile), Auth.bearer("Qx7Zq9\r\nQx7Zq8"), Auth.header("X-Key", "Qx7Zq9\nQx7Zq8"),
          Auth.cookies("session=Qx7Zq9\nQx7Zq8"))) {
        KfpException e = assertThrows(KfpException.class, () -> server.client(auth).healthy());
        assertEquals("cannot authenticate GET /apis/v1beta1/healthz: a credential holds what a header cannot hold (a line break or "
            + "another control character); write it on one line and check the credentials (token, token file, cookies, header or "
            + "IAP client id)", e.getMessage(), auth.toString());
        assertFalse(e.getMessage().contains("Qx7Zq"), e.getMessage());
      }
      assertTrue(server.requests.isEmpty(), "nothing sent");
    }
  }

  /** A header the JDK refuses by its name is that error, not a credential written on two lines: the name is no secret. */
  @Test
  void aHeaderRefusedByItsNameIsNamed() throws IOException {
    try (Loopback server = Loopback.ok()) {
      for (Auth auth : List.of(Auth.header("Host", "Qx7Zq9"), Auth.header("X Key", "Qx7Zq9"))) {
        KfpException e = assertThrows(KfpException.class, () -> server.client(auth).healthy());
        assertTrue(e.getMessage().startsWith("cannot authenticate GET /apis/v1beta1/healthz: ") && e.getMessage().contains("header name"),
            e.getMessage());
        assertFalse(e.getMessage().contains("Qx7Zq"), e.getMessage());
      }
      assertTrue(server.requests.isEmpty(), "nothing sent");
    }
  }
}
