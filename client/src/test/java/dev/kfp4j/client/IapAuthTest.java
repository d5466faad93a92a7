package dev.kfp4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.yaml.Yaml;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Google IAP against real loopback servers standing in for Google's token endpoint and the GCE
 * metadata server: the signed JWT is checked as Google would check it, and the ID token it buys is
 * what reaches KFP.
 */
class IapAuthTest {
  private static final String CLIENT_ID = "123456-abcdef.apps.googleusercontent.com";
  private static final String EMAIL = "kfp-runner@my-project.iam.gserviceaccount.com";
  private static KeyPair keys;

  @TempDir
  Path dir;

  @BeforeAll
  static void generateKeys() throws Exception {
    keys = keyPair();
  }

  static KeyPair keyPair() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  /** A service-account key file as the Google Cloud console downloads it. */
  static Path writeServiceAccountKey(Path dir, KeyPair keys, String tokenUri) throws Exception {
    String pem = privateKeyPem(keys);
    var json = Yaml.json().createObjectNode().put("type", "service_account").put("project_id", "my-project")
        .put("private_key_id", "key-1").put("private_key", pem).put("client_email", EMAIL)
        .put("client_id", "1000000001").put("token_uri", tokenUri);
    Path file = Files.createTempFile(dir, "sa-", ".json");
    Files.writeString(file, json.toString());
    return file;
  }

  /** The private key as PKCS#8 PEM. */
  static String privateKeyPem(KeyPair keys) {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }

  static String readKeyField(Path keyFile, String field) throws Exception {
    return Yaml.json().readTree(Files.readString(keyFile)).path(field).asString();
  }

  /**
   * Google's token endpoint for the JWT-bearer grant: the form, the RS256 signature and the claims
   * are checked, and any problem is answered 400 with what was wrong (and recorded for the test).
   */
  static final class TokenEndpoint implements Loopback.Handler {
    final List<String> problems = new ArrayList<>();
    final List<JsonNode> claims = new ArrayList<>();
    String uri;
    int issued;

    @Override
    public Loopback.Answer answer(Loopback.Request r) {
      List<String> wrong = new ArrayList<>();
      Map<String, String> form = form(r.body());
      if (!"POST".equals(r.method())) {
        wrong.add("method " + r.method());
      }
      if (!"application/x-www-form-urlencoded".equals(r.header("Content-Type"))) {
        wrong.add("content type " + r.header("Content-Type"));
      }
      if (!"urn:ietf:params:oauth:grant-type:jwt-bearer".equals(form.get("grant_type"))) {
        wrong.add("grant_type " + form.get("grant_type"));
      }
      String[] jwt = form.getOrDefault("assertion", "").split("\\.");
      if (jwt.length != 3) {
        wrong.add("assertion is not a signed JWT");
      } else {
        try {
          Signature rsa = Signature.getInstance("SHA256withRSA");
          rsa.initVerify(keys.getPublic());
          rsa.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
          if (!rsa.verify(Base64.getUrlDecoder().decode(jwt[2]))) {
            wrong.add("bad signature");
          }
          JsonNode header = decode(jwt[0]);
          JsonNode c = decode(jwt[1]);
          claims.add(c);
          expect(wrong, header, "alg", "RS256");
          expect(wrong, header, "kid", "key-1");
          expect(wrong, c, "iss", EMAIL);
          expect(wrong, c, "aud", uri);
          expect(wrong, c, "target_audience", CLIENT_ID);
          if (!(c.path("exp").asLong() > c.path("iat").asLong())) {
            wrong.add("exp " + c.path("exp") + " is not after iat " + c.path("iat"));
          }
        } catch (Exception e) {
          wrong.add("cannot verify the JWT: " + e);
        }
      }
      synchronized (this) {
        problems.addAll(wrong);
        if (!wrong.isEmpty()) {
          return Loopback.Answer.json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"" + wrong.get(0) + "\"}");
        }
        issued++;
        return Loopback.Answer.json(200, "{\"id_token\":\"id-token-" + issued + "\"}");
      }
    }

    private static JsonNode decode(String part) {
      return Yaml.json().readTree(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
    }

    private static void expect(List<String> wrong, JsonNode node, String field, String value) {
      if (!value.equals(node.path(field).asString(""))) {
        wrong.add(field + " is '" + node.path(field).asString("") + "', not '" + value + "'");
      }
    }
  }

  static Map<String, String> form(String body) {
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  /** A clock the test moves. */
  static final class TestClock extends Clock {
    Instant now = Instant.parse("2025-06-01T10:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  @Test
  void aServiceAccountKeyBuysAnIdTokenForTheClientIdOnceAndKfpGetsIt() throws Exception {
    TokenEndpoint google = new TokenEndpoint();
    try (Loopback tokens = Loopback.start(google); Loopback kfp = Loopback.ok()) {
      google.uri = tokens.url() + "/token";
      Path key = writeServiceAccountKey(dir, keys, google.uri);
      KfpClient client = kfp.client(Auth.iap(CLIENT_ID, key));

      client.healthy();
      client.healthy();

      assertEquals(List.of(), google.problems);
      assertEquals(1, tokens.requests.size(), "the ID token is cached");
      assertEquals(List.of("Bearer id-token-1", "Bearer id-token-1"),
          kfp.requests.stream().map(r -> r.header("Authorization")).toList());
      JsonNode claims = google.claims.get(0);
      assertEquals(EMAIL, claims.path("sub").asString());
      long now = Instant.now().getEpochSecond();
      assertTrue(Math.abs(claims.path("iat").asLong() - now) < 60, "iat is now: " + claims);
      assertTrue(claims.path("exp").asLong() - claims.path("iat").asLong() <= 3600, "Google takes at most an hour: " + claims);
    }
  }

  @Test
  void anExpiredIdTokenIsReplaced() throws Exception {
    TokenEndpoint google = new TokenEndpoint();
    TestClock clock = new TestClock();
    try (Loopback tokens = Loopback.start(google)) {
      google.uri = tokens.url() + "/token";
      IapAuth iap = new IapAuth(CLIENT_ID, IapAuth.readKey(writeServiceAccountKey(dir, keys, google.uri)),
          IapAuth.METADATA, HttpClient.newHttpClient(), clock);

      assertEquals("Bearer id-token-1", authorization(iap));
      assertEquals(clock.now.getEpochSecond(), google.claims.get(0).path("iat").asLong(), "iat is the clock's");
      clock.now = clock.now.plus(Duration.ofMinutes(30));
      assertEquals("Bearer id-token-1", authorization(iap));
      clock.now = clock.now.plus(Duration.ofMinutes(30));
      assertEquals("Bearer id-token-2", authorization(iap));
      assertEquals(2, tokens.requests.size());
      assertEquals(List.of(), google.problems);
    }
  }

  @Test
  void theMetadataServerIsAskedForAnIdTokenOfTheClientId() {
    TestClock clock = new TestClock();
    int[] issued = {0};
    try (Loopback metadata = Loopback.start(r -> {
      boolean flavor = "Google".equals(r.header("Metadata-Flavor"));
      return flavor ? new Loopback.Answer(200, "application/text", "metadata-token-" + ++issued[0])
          : new Loopback.Answer(403, "text/html", "Missing Metadata-Flavor:Google header");
    }); Loopback kfp = Loopback.ok()) {
      URI identity = URI.create(metadata.url() + "/computeMetadata/v1/instance/service-accounts/default/identity");
      IapAuth iap = new IapAuth(CLIENT_ID, null, identity, HttpClient.newHttpClient(), clock);
      KfpClient client = kfp.client(iap);

      client.healthy();
      client.healthy();
      assertEquals(1, metadata.requests.size(), "the ID token is cached");
      clock.now = clock.now.plus(Duration.ofHours(2));
      client.healthy();

      Loopback.Request asked = metadata.requests.get(0);
      assertEquals("Google", asked.header("Metadata-Flavor"));
      assertEquals(identity.getPath(), asked.uri().getPath());
      assertEquals(CLIENT_ID, form(asked.uri().getRawQuery()).get("audience"));
      assertEquals(2, metadata.requests.size(), "a new ID token after the first expired");
      assertEquals(List.of("Bearer metadata-token-1", "Bearer metadata-token-1", "Bearer metadata-token-2"),
          kfp.requests.stream().map(r -> r.header("Authorization")).toList());
      assertTrue(iap.toString().contains("metadata server"), iap.toString());
    }
  }

  /** A metadata server not there: said "java.net.ConnectException" alone; now why, in words. */
  @Test
  void anUnreachableMetadataServerSaysWhy() throws Exception {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    } // closed: nothing listens there now
    URI identity = URI.create("http://127.0.0.1:" + port + "/computeMetadata/v1/instance/service-accounts/default/identity");
    try (Loopback kfp = Loopback.ok()) {
      KfpClient client = kfp.client(new IapAuth(CLIENT_ID, null, identity, HttpClient.newHttpClient(), new TestClock()));
      KfpException e = assertThrows(KfpException.class, client::healthy);
      assertEquals("IAP: cannot reach the GCE metadata server (set GOOGLE_APPLICATION_CREDENTIALS to a service-account key outside"
          + " GCP): connection refused", e.getMessage());
    }
  }

  @Test
  void userCredentialsAreRefusedWithTheReason() throws Exception {
    Path key = dir.resolve("application_default_credentials.json");
    Files.writeString(key, "{\"type\": \"authorized_user\", \"client_id\": \"764086051850-6qr4p6gpi6hn506pt8ejuq83di341hur"
        + ".apps.googleusercontent.com\", \"client_secret\": \"d-FL95Q19q7MQmFpd7hHD0Ty\", \"refresh_token\": \"1//0refresh-secret\"}");
    KfpException e = assertThrows(KfpException.class, () -> Auth.iap(CLIENT_ID, key));
    assertTrue(e.getMessage().contains("IAP needs a service-account key"), e.getMessage());
    assertTrue(e.getMessage().contains(key.toString()), e.getMessage());
    assertFalse(e.getMessage().contains("d-FL95Q19q7MQmFpd7hHD0Ty"), e.getMessage());
    assertFalse(e.getMessage().contains("1//0refresh-secret"), e.getMessage());
  }

  @Test
  void aRefusingTokenEndpointIsAnErrorNamingItWithoutSecrets() throws Exception {
    try (Loopback tokens = Loopback.start(r -> Loopback.Answer.json(400,
        "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT Signature.\"}")); Loopback kfp = Loopback.ok()) {
      String tokenUri = tokens.url() + "/token";
      Path key = writeServiceAccountKey(dir, keys, tokenUri);
      KfpException e = assertThrows(KfpException.class, () -> kfp.client(Auth.iap(CLIENT_ID, key)).healthy());

      assertEquals(400, e.status());
      assertTrue(e.getMessage().contains("token endpoint " + tokenUri), e.getMessage());
      String assertion = form(tokens.last().body()).get("assertion");
      String privateKey = readKeyField(key, "private_key");
      for (String secret : List.of(assertion, assertion.split("\\.")[2], privateKey.lines().skip(1).findFirst().orElseThrow())) {
        assertFalse(e.getMessage().contains(secret), e.getMessage());
      }
      assertTrue(kfp.requests.isEmpty(), "nothing is sent to KFP without a token");
    }
  }

  /**
   * A service-account key file that is no JSON is refused without its text: Jackson's message quoted the token it could not
   * read, such as a private key pasted unquoted.
   */
  @Test
  void aKeyFileThatIsNotJsonIsRefusedWithoutItsText() throws Exception {
    Path key = dir.resolve("key.json");
    Files.writeString(key, "{\"type\": \"service_account\", \"private_key\": MIIEvQx7Zq9tokAAA}");
    KfpException e = assertThrows(KfpException.class, () -> Auth.iap("client", key));
    assertTrue(e.getMessage().startsWith(key + ": not a readable service-account key (JSON)"), e.getMessage());
    assertFalse(e.getMessage().contains("Qx7Zq9tok"), e.getMessage());
  }

  /** The token endpoint a key file names is shown as every URL is: its query's values were printed as written. */
  @Test
  void theTokenEndpointIsNamedWithoutItsQuerysValues() throws Exception {
    try (Loopback tokens = Loopback.start(r -> Loopback.Answer.json(400, "{\"error\":\"invalid_grant\"}")); Loopback kfp = Loopback.ok()) {
      Path key = writeServiceAccountKey(dir, keys, tokens.url() + "/token?key=Qx7Zq9tok");
      KfpException e = assertThrows(KfpException.class, () -> kfp.client(Auth.iap(CLIENT_ID, key)).healthy());
      assertTrue(e.getMessage().contains("the token endpoint " + tokens.url() + "/token?key=*** answered 400"), e.getMessage());
      assertFalse(e.getMessage().contains("Qx7Zq9tok"), e.getMessage());
    }
  }

  /** A token_uri that is no http(s) URL is named as such (it was "private_key is not a PKCS#8 RSA key"), its query masked. */
  @Test
  void aTokenUriThatIsNoHttpUrlIsNamed() throws Exception {
    for (String uri : List.of("oauth2.googleapis.com/token?key=Qx7Zq9tok", "ftp://h/token?key=Qx7Zq9tok", "https://h x/t?key=Qx7Zq9tok")) {
      Path key = writeServiceAccountKey(dir, keys, uri);
      KfpException e = assertThrows(KfpException.class, () -> Auth.iap(CLIENT_ID, key));
      assertTrue(e.getMessage().startsWith(key + ": token_uri '") && e.getMessage().contains("' is not an http(s) URL with a host"),
          e.getMessage());
      assertFalse(e.getMessage().contains("Qx7Zq9tok"), e.getMessage());
    }
  }

  /** A token endpoint answering 200 with no JSON (a raw token) was Jackson's error, the body quoted in it. */
  @Test
  void aTokenEndpointAnsweringNoJsonIsAnErrorWithoutItsBody() throws Exception {
    try (Loopback tokens = Loopback.start(r -> new Loopback.Answer(200, "text/plain", "eyJhbGciQx7Zq9tok")); Loopback kfp = Loopback.ok()) {
      Path key = writeServiceAccountKey(dir, keys, tokens.url() + "/token");
      KfpException e = assertThrows(KfpException.class, () -> kfp.client(Auth.iap(CLIENT_ID, key)).healthy());
      assertTrue(e.getMessage().contains("the token endpoint " + tokens.url() + "/token answered with a body that is not JSON"),
          e.getMessage());
      assertFalse(e.getMessage().contains("Qx7Zq9tok"), e.getMessage());
    }
  }

  private static String authorization(Auth auth) {
    var request = java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1/"));
    auth.apply(request);
    return request.build().headers().firstValue("Authorization").orElse(null);
  }
}
