package dev.kfp4j.entrypoint;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * Why an exchange with a server through Java's HTTP client failed, in words ({@code connection refused}, {@code unknown
 * host H}, {@code no answer in 30 s}, {@code the server closed the connection without an answer}, {@code no secure
 * connection (TLS): ...}), never the client's own text ({@code HTTP/1.1 header parser received no bytes}, a {@code
 * ConnectException} without a message).
 *
 * <p>JDK only, in kfp4j-entrypoint: a component file's download (kfp4j-runtime), the command's KFP and Argo clients and a
 * step's MLflow calls (kfp4j-mlflow, whose image carries no more than this module) say them alike.
 */
public final class HttpFailures {
  private HttpFailures() {}

  /**
   * Why the exchange with the server of {@code uri} failed with {@code error}, as {@link #why(URI, Throwable, boolean,
   * Duration, Optional)} says it of a client built without a proxy selector of its own (the system-wide one).
   */
  public static String why(URI uri, Throwable error, boolean answered, Duration timeout) {
    return why(uri, error, answered, timeout, Optional.empty());
  }

  /**
   * Why the exchange with the server of {@code uri} failed with {@code error} (what the HTTP client threw, or what it
   * wraps); {@code answered}: after the server sent its headers; {@code timeout}: the exchange's bound; {@code proxies}: the
   * client's proxy selector ({@code HttpClient.proxy()}; empty: the system-wide {@link ProxySelector#getDefault()}, which a
   * client built without one uses). Through a proxy the client connects to the proxy alone: a failed connection or an
   * unknown host is the proxy's, said so, and the server is not asked again with a plain connection, which would ask it,
   * not the proxy, past the way the download went.
   */
  public static String why(URI uri, Throwable error, boolean answered, Duration timeout, Optional<ProxySelector> proxies) {
    InetSocketAddress proxy = proxy(uri, proxies);
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
        return proxy != null ? "unknown host " + proxy.getHostString() + ", the proxy " + THROUGH : "unknown host " + uri.getHost();
      }
      if (t instanceof HttpTimeoutException) {
        return answered && !(t instanceof HttpConnectTimeoutException)
            ? "the answer did not complete in " + seconds(timeout) : timedOut(t, timeout);
      }
      if (t instanceof SSLException) {
        return "no secure connection (TLS): " + words(t);
      }
      if (t instanceof EOFException) {
        return answered ? "the server closed the connection before the end of its answer"
            : "the server closed the connection without an answer";
      }
    }
    Throwable deepest = error;
    while (deepest.getCause() != null) {
      deepest = deepest.getCause();
    }
    if (error instanceof ConnectException && proxy != null) { // to the proxy: the server was not reached for, nor is it now
      return "cannot connect to the proxy " + proxy.getHostString() + ":" + proxy.getPort() + " " + THROUGH
          + (deepest.getMessage() != null ? ": " + words(deepest) : "");
    }
    if (error instanceof ConnectException) { // Java's HTTP client says no more (on Linux: a ClosedChannelException): ask again
      return deepest.getMessage() != null ? words(deepest) : unreachable(uri, timeout);
    }
    return (answered ? "the connection broke during the answer: " : "the connection broke: ") + words(deepest);
  }

  /** Where a proxy in a message comes from. */
  private static final String THROUGH = "that the JVM's proxy settings choose for it";

  /**
   * The proxy a request to {@code uri} goes through, as Java's HTTP client chooses it: the first that {@code proxies} (else
   * the system-wide selector) gives, if it is an HTTP proxy; null: none, a direct connection.
   */
  private static InetSocketAddress proxy(URI uri, Optional<ProxySelector> proxies) {
    ProxySelector selector = proxies.orElseGet(ProxySelector::getDefault);
    try {
      List<Proxy> chosen = selector == null ? List.of() : selector.select(uri);
      return chosen == null || chosen.isEmpty() || chosen.get(0).type() != Proxy.Type.HTTP
          || !(chosen.get(0).address() instanceof InetSocketAddress a) ? null : a;
    } catch (RuntimeException cannotChoose) { // a URI it takes for none of its own: as the client, a direct connection
      return null;
    }
  }

  /** A timeout ({@code error}) before a connection was made ({@code no connection in 15 s}) or before an answer came. */
  public static String timedOut(Throwable error, Duration timeout) {
    return (error instanceof HttpConnectTimeoutException ? "no connection in " : "no answer in ") + seconds(timeout);
  }

  /** {@code 30 s}, {@code 1500 ms}. */
  public static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  /**
   * Why the server of {@code uri} cannot be reached, as the system says when asked with a plain connection within {@code
   * timeout} (at most 5 s): {@code connection refused}, {@code no route to host}.
   */
  private static String unreachable(URI uri, Duration timeout) {
    int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    Duration bound = timeout.compareTo(Duration.ofSeconds(5)) < 0 ? timeout : Duration.ofSeconds(5);
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(uri.getHost(), port), (int) bound.toMillis());
      return "cannot connect"; // it can now: what stood in the way is gone
    } catch (UnknownHostException e) {
      return "unknown host " + uri.getHost();
    } catch (SocketTimeoutException e) {
      return "no connection in " + seconds(bound);
    } catch (IOException | RuntimeException e) {
      return e.getMessage() == null ? "cannot connect" : words(e);
    }
  }

  /** What {@code t} says, its first letter lower case ({@code Connection refused}: {@code connection refused}). */
  private static String words(Throwable t) {
    String message = t.getMessage();
    if (message == null || message.isBlank()) {
      return t.getClass().getSimpleName();
    }
    return message.length() > 1 && Character.isLowerCase(message.charAt(1))
        ? message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1) : message;
  }
}
