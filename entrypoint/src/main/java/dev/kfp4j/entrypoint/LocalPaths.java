package dev.kfp4j.entrypoint;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where an artifact of KFP 2 is on the container's file system, as KFP's launcher puts it there
 * (it downloads inputs to, and uploads outputs from, these paths) and its Python executor reads it:
 * {@code gs://b/k} at {@code /gcs/b/k}, {@code s3://} at {@code /s3/}, {@code minio://} at {@code
 * /minio/}, {@code oci://r/m} at {@code /oci/r_m/models}; the artifact's {@code customPath}
 * instead when it has one; under {@code /kfp-workspace/.artifacts/} when its metadata says it is in
 * the pipeline's workspace ({@code _kfp_workspace: true}). Beyond KFP: a {@code file:} URI is its
 * path, and a URI without a scheme (as {@code kfp.local} writes them) is a path already. Other
 * schemes ({@code https:}...) have no local path. Public for the steps MLflow tracking adds, which
 * read the executor input themselves.
 */
public final class LocalPaths {
  static final String WORKSPACE = "/kfp-workspace";

  private LocalPaths() {}

  /** The local path of an artifact, or null when it has none. */
  public static String of(String uri, String customPath, Map<String, Object> metadata) {
    String local = customPath != null && !customPath.isEmpty() ? customPath : ofUri(uri);
    if (local != null && Boolean.TRUE.equals(metadata.get("_kfp_workspace"))) {
      int start = 0;
      while (start < local.length() && local.charAt(start) == '/') {
        start++;
      }
      local = WORKSPACE + "/.artifacts/" + local.substring(start);
    }
    return local;
  }

  private static String ofUri(String uri) {
    if (uri.startsWith("gs://")) {
      return "/gcs/" + uri.substring(5);
    }
    if (uri.startsWith("minio://")) {
      return "/minio/" + uri.substring(8);
    }
    if (uri.startsWith("s3://")) {
      return "/s3/" + uri.substring(5);
    }
    if (uri.startsWith("oci://")) {
      return "/oci/" + uri.substring(6).replace('/', '_') + "/models";
    }
    if (uri.startsWith("file:")) {
      try {
        return Path.of(URI.create(uri)).toString();
      } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
        return null;
      }
    }
    return uri.isEmpty() || hasScheme(uri) ? null : uri;
  }

  /** {@code scheme:...} with a scheme of two characters or more (so that {@code C:\} is a path). */
  private static boolean hasScheme(String uri) {
    int colon = uri.indexOf(':');
    if (colon < 2) {
      return false;
    }
    for (int i = 0; i < colon; i++) {
      char c = uri.charAt(i);
      boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.');
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
