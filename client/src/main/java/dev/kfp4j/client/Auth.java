package dev.kfp4j.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How requests prove who sends them, as KFP users authenticate: a bearer token, a Kubernetes
 * service-account token file, session cookies or a custom header (Dex, on-premise Kubeflow), or a
 * Google IAP client id. An {@code Auth} never shows its secret: {@link #toString()} names the kind
 * only, and errors never include request headers.
 */
public interface Auth {
  /** Adds the credential to a request about to be sent. */
  void apply(HttpRequest.Builder request);

  /** No credential: KFP standalone, port-forwarded. */
  static Auth none() {
    return new Header("none", null, null);
  }

  /**
   * {@code Authorization: Bearer <token>}. A token given with its scheme, {@code Bearer <token>} (as {@code ARGO_TOKEN}
   * holds one, and as a header is copied; the scheme in any case), goes the same, not as {@code Bearer Bearer <token>}: a
   * bearer token holds no space. White space around it is left out.
   */
  static Auth bearer(String token) {
    String t = Objects.requireNonNull(token, "token").strip();
    if (t.regionMatches(true, 0, "Bearer ", 0, 7)) {
      t = t.substring(7).strip();
    }
    return new Header("bearer", "Authorization", "Bearer " + t);
  }

  /**
   * A bearer token read from {@code file} at each request, as Kubernetes rotates projected
   * service-account tokens ({@code /var/run/secrets/kubeflow/pipelines/token} in a KFP pod).
   */
  static Auth tokenFile(Path file) {
    Objects.requireNonNull(file, "file");
    return new Auth() {
      @Override
      public void apply(HttpRequest.Builder request) {
        try {
          request.header("Authorization", "Bearer " + Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read the token file " + file, e);
        }
      }

      @Override
      public String toString() {
        return "token file " + file;
      }
    };
  }

  /** A {@code Cookie} header, such as Dex's {@code authservice_session=...} from a logged-in browser. */
  static Auth cookies(String cookies) {
    return new Header("cookies", "Cookie", Objects.requireNonNull(cookies, "cookies"));
  }

  /** Any header a proxy in front of KFP asks for, such as {@code kubeflow-userid}. */
  static Auth header(String name, String value) {
    return new Header("header " + name, Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
  }

  /**
   * Google Identity-Aware Proxy: an OpenID Connect ID token for the proxy's OAuth client id, from
   * the service-account key named by {@code GOOGLE_APPLICATION_CREDENTIALS}, else from the GCE
   * metadata server. Tokens are cached until shortly before they expire.
   */
  static Auth iap(String clientId) {
    return IapAuth.fromEnvironment(clientId);
  }

  /** Google Identity-Aware Proxy with the given service-account key file (JSON). */
  static Auth iap(String clientId, Path serviceAccountKey) {
    return IapAuth.fromKeyFile(clientId, serviceAccountKey);
  }

  /** A fixed header; its value is never shown. */
  final class Header implements Auth {
    private final String kind;
    private final String name;
    private final String value;

    private Header(String kind, String name, String value) {
      this.kind = kind;
      this.name = name;
      this.value = value;
    }

    @Override
    public void apply(HttpRequest.Builder request) {
      if (name != null) {
        request.header(name, value);
      }
    }

    @Override
    public String toString() {
      return kind;
    }
  }
}
