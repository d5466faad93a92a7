package dev.kfp4j.image;

import com.google.cloud.tools.jib.api.InsecureRegistryException;
import com.google.cloud.tools.jib.api.RegistryAuthenticationFailedException;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.RegistryUnauthorizedException;
import com.google.cloud.tools.jib.registry.RegistryCredentialsNotSentException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * A registry or the container engine could not be reached, or refused what it was asked: an
 * unknown host, a refused connection, a TLS failure, an error status such as 401 or 404, an engine
 * that cannot load, save, pull or start an image. Its message is one line naming the image and the
 * registry or engine, with what they said; {@link #where} tells which part of the work failed, so
 * that a command can say which of its settings to check.
 */
public final class EngineOrRegistryException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Which part of the work failed. */
  public enum Where {
    /** Pulling the base image from its registry. */
    BASE,
    /** Pushing the built image to its registry. */
    PUSH,
    /** A registry, of the base image or of the built image: both are on the one registry, or the failure does not say. */
    REGISTRY,
    /** The engine's own command: {@code load}, {@code save}, or the engine not answering. */
    ENGINE,
    /** The engine starting an image to check it: it could not pull it, or could not run it at all. */
    START
  }

  private final Where where;
  private final String name;

  EngineOrRegistryException(Where where, String name, String message, Throwable cause) {
    super(message, cause);
    this.where = where;
    this.name = name;
  }

  /** Which part of the work failed. */
  public Where where() {
    return where;
  }

  /** The registry's host (with its port, if any), or the engine's program. */
  public String name() {
    return name;
  }

  /** Whether the registry refused the credentials, or asked for some it was not given (401, 403, "denied"). */
  public boolean unauthorized() {
    for (Throwable t = getCause(); t != null; t = t.getCause()) {
      if (t instanceof RegistryUnauthorizedException || t instanceof RegistryCredentialsNotSentException
          || t instanceof RegistryAuthenticationFailedException) {
        return true;
      }
    }
    String m = getMessage().toLowerCase(Locale.ROOT);
    return m.contains("401") || m.contains("403") || m.contains("unauthorized") || m.contains("denied");
  }

  /** Whether the registry failed TLS where only secure connections were allowed ({@code --insecure} would allow it). */
  public boolean insecure() {
    for (Throwable t = getCause(); t != null; t = t.getCause()) {
      if (t instanceof InsecureRegistryException) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code e} (or what it wraps) is a registry's failure: Jib's registry exceptions (an
   * error status, refused credentials, a TLS server not trusted), or a network one (unknown host,
   * refused or reset connection, time-out, TLS).
   */
  static boolean fromRegistry(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof RegistryException || t instanceof UnknownHostException || t instanceof SocketException
          || t instanceof InterruptedIOException || t instanceof SSLException
          || t.getClass().getName().equals("com.google.api.client.http.HttpResponseException")) {
        return true;
      }
    }
    return false;
  }

  /** The first line of {@code text} that says something, stripped: the line a one-line error can take of a longer message. */
  public static String oneLine(String text) {
    if (text == null) {
      return "";
    }
    for (String line : text.strip().split("\n")) {
      if (!line.isBlank()) {
        return line.strip();
      }
    }
    return "";
  }

  /**
   * The line of an engine's output that says why it failed: its last {@code Error: ...} line (podman
   * retries a pull and warns first; docker prints {@code docker: Error response from daemon: ...}),
   * else its last line.
   */
  static String engineError(String output) {
    String last = "";
    String error = null;
    for (String line : output.strip().split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      last = line.strip();
      if (last.startsWith("Error") || last.contains("Error:") || last.contains("Error response")) {
        error = last;
      }
    }
    return error != null ? error : last;
  }
}
