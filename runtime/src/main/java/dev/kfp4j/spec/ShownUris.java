package dev.kfp4j.spec;

import java.net.URI;

/**
 * A URL as a message shows it: without the credentials it may carry. The password of its user info ({@code
 * https://user:***@host/}; the whole user info when it has no password, as a token given there is), and the value of every
 * query parameter ({@code ?token=***}, a presigned URL's signature), are shown as {@code ***}; the rest as written.
 */
public final class ShownUris {
  private static final String MASK = "***";

  private ShownUris() {}

  /** {@code uri} as a message shows it. */
  public static String of(URI uri) {
    String user = uri.getRawUserInfo();
    String query = uri.getRawQuery();
    if (user == null && query == null) {
      return uri.toString();
    }
    StringBuilder b = new StringBuilder();
    if (uri.getScheme() != null) {
      b.append(uri.getScheme()).append(':');
    }
    if (uri.getRawAuthority() != null) {
      b.append("//");
      if (user != null) {
        int colon = user.indexOf(':');
        b.append(colon < 0 ? MASK : user.substring(0, colon + 1) + MASK).append('@');
        b.append(uri.getRawAuthority().substring(user.length() + 1));
      } else {
        b.append(uri.getRawAuthority());
      }
    }
    b.append(uri.getRawPath() == null ? "" : uri.getRawPath());
    if (query != null) {
      b.append('?');
      String[] pairs = query.split("&", -1);
      for (int i = 0; i < pairs.length; i++) {
        int eq = pairs[i].indexOf('=');
        b.append(i == 0 ? "" : "&").append(eq < 0 ? (pairs[i].isEmpty() ? "" : MASK) : pairs[i].substring(0, eq + 1) + MASK);
      }
    }
    if (uri.getRawFragment() != null) {
      b.append('#').append(uri.getRawFragment());
    }
    return b.toString();
  }
}
