package dev.kfp4j.entrypoint;

/**
 * A URL as kfp4j shows it to people (errors, links, {@code --verbose} lines, logs): without the credentials it may
 * carry. What stands before an {@code @} in its authority (a user name and password, {@code http://user:pw@host}) is
 * shown as {@code ***}, and so is the value of every query parameter ({@code ?token=abc} as {@code
 * ?token=***}; a parameter without {@code =} as {@code ***}): kfp4j cannot tell which parameter holds a credential, and
 * the names are what tell a user which URL was taken. The scheme, host, port, path and fragment are shown as written.
 *
 * <p>The text need not be a URL (a host written wrong is shown too): its parts are found by their delimiters, as
 * RFC 3986 reads them, without parsing it. A password written with a delimiter in it ({@code http://u:pa#ss@host}, not
 * percent-encoded) would end the authority there: when what stands before the first {@code /}, {@code ?} or {@code #}
 * holds a {@code :} and an {@code @} follows, everything up to the last {@code @} before the next {@code /} is masked, which
 * may mask more than a password (an {@code @} in the path of a URL with a port) but never shows one.
 *
 * <p>JDK only, in kfp4j-entrypoint: the command's client ({@code dev.kfp4j.client.ShownUrl}) and a step's image (the MLflow
 * steps) show URLs alike.
 */
public final class UrlTexts {
  private UrlTexts() {}

  /** What a masked part is shown as. */
  public static final String MASK = "***";

  /** {@code text}, a URL or what was written as one, as it is shown; null stays null. */
  public static String shown(String text) {
    if (text == null) {
      return null;
    }
    int scheme = text.indexOf("://");
    int start = scheme < 0 ? 0 : scheme + 3;
    int end = text.length();
    for (char c : new char[] {'/', '?', '#'}) {
      int i = text.indexOf(c, start);
      end = i < 0 ? end : Math.min(end, i);
    }
    int at = text.lastIndexOf('@', end - 1);
    int later = text.indexOf('@', end);
    if (at < start && later >= 0 && text.substring(start, end).contains(":")) { // a password holding / ? or #: u:pa#ss@host
      int path = text.indexOf('/', later);
      at = text.lastIndexOf('@', path < 0 ? text.length() - 1 : path - 1);
    }
    String shown = at < start ? text : text.substring(0, start) + MASK + text.substring(at);
    return withQueryMasked(shown);
  }

  /** {@code text} with the value of every parameter of its query (from its first {@code ?} to its fragment) masked. */
  private static String withQueryMasked(String text) {
    int hash = text.indexOf('#');
    int query = text.indexOf('?');
    if (query < 0 || (hash >= 0 && hash < query)) {
      return text;
    }
    int end = hash < 0 ? text.length() : hash;
    StringBuilder out = new StringBuilder(text.substring(0, query + 1));
    String[] parts = text.substring(query + 1, end).split("&", -1);
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      int eq = p.indexOf('=');
      String value = eq < 0 ? p : p.substring(eq + 1);
      out.append(i == 0 ? "" : "&").append(p, 0, eq + 1).append(value.isEmpty() ? "" : MASK);
    }
    return out.append(text.substring(end)).toString();
  }
}
