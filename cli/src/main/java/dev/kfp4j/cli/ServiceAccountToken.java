package dev.kfp4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The token KFP's own client authenticates with inside a cluster when given no other credentials: the service-account
 * token projected into the pod at {@value #PATH_ENV} (as a {@code PodDefault} or a pod's volume sets it), else at
 * {@code /var/run/secrets/kubeflow/pipelines/token} when that file is there. The commands take it when no token, token
 * file, cookies or IAP client id is given.
 */
final class ServiceAccountToken {
  /** The variable naming the token file, as KFP's client reads it. */
  static final String PATH_ENV = "KF_PIPELINES_SA_TOKEN_PATH";
  /** Where KFP's client looks when the variable is unset: where Kubeflow's {@code PodDefault} mounts the token. */
  static final Path DEFAULT = Path.of("/var/run/secrets/kubeflow/pipelines/token");

  private ServiceAccountToken() {}

  /**
   * The token file to read: the one {@value #PATH_ENV} names (in {@code env}), else {@code defaultPath} when it is a
   * readable file, else null.
   *
   * @throws ConfigException when the variable names a file that is not there or cannot be read, saying so
   */
  static Path find(Function<String, String> env, Path defaultPath) {
    String named = env.apply(PATH_ENV);
    if (named != null && !named.isBlank()) {
      Path p = Path.of(named);
      if (!(Files.isRegularFile(p) && Files.isReadable(p))) {
        throw new ConfigException("no token file " + named + " to read (" + PATH_ENV + ")" + (Files.isDirectory(p) ? ": it is a folder" : "")
            + "; mount the pod's service-account token there, unset " + PATH_ENV + ", or give --token-file");
      }
      return p;
    }
    return Files.isRegularFile(defaultPath) && Files.isReadable(defaultPath) ? defaultPath : null;
  }
}
