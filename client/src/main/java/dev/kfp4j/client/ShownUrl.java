package dev.kfp4j.client;

import dev.kfp4j.entrypoint.UrlTexts;
import java.net.URI;

/**
 * A URL as kfp4j shows it to people (errors, links, {@code --verbose} lines, logs): without the credentials it may
 * carry. What stands before an {@code @} in its authority (a user name and password, {@code http://user:pw@host}) is
 * shown as {@value Redactor#MASK}, and so is the value of every query parameter ({@code ?token=abc} as {@code
 * ?token=***}; a parameter without {@code =} as {@code ***}): kfp4j cannot tell which parameter holds a credential, and
 * the names are what tell a user which URL was taken. The scheme, host, port, path and fragment are shown as written.
 *
 * <p>The text need not be a URL (a host written wrong is shown too); {@link UrlTexts#shown} says how its parts are found.
 */
public final class ShownUrl {
  private ShownUrl() {}

  /** {@code url} as it is shown; null stays null. */
  public static String of(URI url) {
    return url == null ? null : of(url.toString());
  }

  /** {@code text}, a URL or what was written as one, as it is shown; null stays null. */
  public static String of(String text) {
    return UrlTexts.shown(text);
  }
}
