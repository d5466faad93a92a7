package dev.kfp4j.client;

import dev.kfp4j.entrypoint.HttpFailures;
import dev.kfp4j.yaml.Yaml;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Google IAP: a Google-signed ID token whose audience is the proxy's OAuth client id, exchanged
 * for a JWT signed with a service-account key (the JWT-bearer grant, as Google's auth libraries do),
 * or asked of the GCE metadata server when there is no key.
 */
final class IapAuth implements Auth {
  static final URI METADATA = URI.create(
      "http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/identity");
  private static final Duration LIFETIME = Duration.ofHours(1);
  private static final Duration MARGIN = Duration.ofMinutes(5);

  private final String clientId;
  private final ServiceAccount account; // null: metadata server
  private final URI metadata;
  private final HttpClient http;
  private final Clock clock;
  private String token;
  private Instant expires = Instant.MIN;

  record ServiceAccount(String email, String keyId, PrivateKey key, URI tokenUri) {}

  IapAuth(String clientId, ServiceAccount account, URI metadata, HttpClient http, Clock clock) {
    this.clientId = clientId;
    this.account = account;
    this.metadata = metadata;
    this.http = http;
    this.clock = clock;
  }

  static IapAuth fromEnvironment(String clientId) {
    String key = System.getenv("GOOGLE_APPLICATION_CREDENTIALS");
    return key == null || key.isBlank()
        ? new IapAuth(clientId, null, METADATA, HttpClient.newHttpClient(), Clock.systemUTC())
        : fromKeyFile(clientId, Path.of(key));
  }

  static IapAuth fromKeyFile(String clientId, Path keyFile) {
    return new IapAuth(clientId, readKey(keyFile), METADATA, HttpClient.newHttpClient(), Clock.systemUTC());
  }

  static ServiceAccount readKey(Path keyFile) {
    JsonNode json;
    try {
      json = Yaml.json().readTree(Files.readString(keyFile));
    } catch (IOException e) {
      throw new KfpException(keyFile + ": not a readable service-account key (JSON): " + e.getMessage(), e);
    } catch (JacksonException e) { // where, not what: the parser's message quotes the text it could not read, a key's
      var at = e.getLocation();
      throw new KfpException(0, keyFile + ": not a readable service-account key (JSON): not valid JSON"
          + (at != null && at.getLineNr() > 0 ? " at line " + at.getLineNr() + ", column " + at.getColumnNr() : "")
          + "; download the key again (IAM, Service accounts, Keys)");
    }
    if (!"service_account".equals(json.path("type").asString(""))) {
      throw new KfpException(0, keyFile + ": IAP needs a service-account key (\"type\": \"service_account\"); "
          + "user credentials from 'gcloud auth application-default login' cannot mint ID tokens for IAP");
    }
    String pem = json.path("private_key").asString("")
        .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
    URI tokenUri = tokenUri(keyFile, json.path("token_uri").asString("https://oauth2.googleapis.com/token"));
    try {
      PrivateKey key = KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
      return new ServiceAccount(json.path("client_email").asString(""), json.path("private_key_id").asString(""), key, tokenUri);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new KfpException(0, keyFile + ": private_key is not a PKCS#8 RSA key in PEM form");
    }
  }

  /**
   * A key file's {@code token_uri}, an http(s) URL with a host; else an error naming it as every URL is shown ({@link
   * ShownUrl}), where the JDK's message would quote it whole (or the key be called no RSA key).
   */
  private static URI tokenUri(Path keyFile, String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (java.net.URISyntaxException e) {
      uri = null;
    }
    if (uri == null || uri.getHost() == null || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
      throw new KfpException(0, keyFile + ": token_uri '" + ShownUrl.of(text) + "' is not an http(s) URL with a host; Google's is "
          + "https://oauth2.googleapis.com/token");
    }
    return uri;
  }

  @Override
  public synchronized void apply(HttpRequest.Builder request) {
    Instant now = clock.instant();
    if (token == null || now.isAfter(expires.minus(MARGIN))) {
      token = account == null ? fromMetadata() : exchange(now);
      expires = now.plus(LIFETIME);
    }
    request.header("Authorization", "Bearer " + token);
  }

  private String exchange(Instant now) {
    String assertion = jwt(now);
    String form = "grant_type=" + URLEncoder.encode("urn:ietf:params:oauth:grant-type:jwt-bearer", StandardCharsets.UTF_8)
        + "&assertion=" + assertion;
    HttpRequest post = HttpRequest.newBuilder(account.tokenUri())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).timeout(Duration.ofSeconds(30)).build();
    JsonNode answer;
    try {
      answer = Yaml.json().readTree(send(post, "the token endpoint " + ShownUrl.of(account.tokenUri())));
    } catch (JacksonException e) { // not passed on: the parser's message quotes the body, which may be a token
      throw new KfpException(0, "IAP: the token endpoint " + ShownUrl.of(account.tokenUri()) + " answered with a body that is not "
          + "JSON; check token_uri in the service-account key (Google's is https://oauth2.googleapis.com/token)");
    }
    String idToken = answer.path("id_token").asString("");
    if (idToken.isEmpty()) {
      throw new KfpException(0, "the token endpoint " + ShownUrl.of(account.tokenUri()) + " gave no id_token for " + account.email());
    }
    return idToken;
  }

  String jwt(Instant now) {
    ObjectNode header = Yaml.json().createObjectNode().put("alg", "RS256").put("typ", "JWT").put("kid", account.keyId());
    ObjectNode claims = Yaml.json().createObjectNode()
        .put("iss", account.email()).put("sub", account.email()).put("aud", account.tokenUri().toString())
        .put("iat", now.getEpochSecond()).put("exp", now.plus(LIFETIME).getEpochSecond())
        .put("target_audience", clientId);
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String signed = b64.encodeToString(header.toString().getBytes(StandardCharsets.UTF_8)) + "."
        + b64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(account.key());
      rsa.update(signed.getBytes(StandardCharsets.US_ASCII));
      return signed + "." + b64.encodeToString(rsa.sign());
    } catch (GeneralSecurityException e) {
      throw new KfpException("cannot sign the IAP token request", e);
    }
  }

  private String fromMetadata() {
    URI uri = URI.create(metadata + "?format=full&audience=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8));
    return send(HttpRequest.newBuilder(uri).header("Metadata-Flavor", "Google").timeout(Duration.ofSeconds(10)).build(),
        "the GCE metadata server (set GOOGLE_APPLICATION_CREDENTIALS to a service-account key outside GCP)").strip();
  }

  private String send(HttpRequest request, String what) {
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new KfpException(r.statusCode(), "IAP: " + what + " answered " + r.statusCode() + " for client id " + clientId);
      }
      return r.body();
    } catch (IOException e) {
      throw new KfpException("IAP: cannot reach " + what + ": "
          + HttpFailures.why(request.uri(), e, false, request.timeout().orElse(Duration.ofSeconds(30))), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KfpException("IAP: interrupted", e);
    }
  }

  @Override
  public String toString() {
    return "IAP client id " + clientId + (account == null ? " (metadata server)" : " (" + account.email() + ")");
  }
}
