package dev.kfp4j.local;

import dev.kfp4j.entrypoint.UrlTexts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container engine's command line, and what the engine said, as kfp4j shows them: without the credentials its global
 * arguments may carry. An argument holding a URL ({@code --url ssh://user:pw@host/run/podman/podman.sock}, {@code
 * --url=tcp://host:8080?token=...}, docker's {@code -H tcp://user:pw@host}) is shown through {@link UrlTexts#shown}; other
 * arguments ({@code --runtime runc}, {@code --identity PATH}, {@code --connection NAME}) as written.
 *
 * <p>The engine's own errors may quote such an argument ({@code cannot connect to ssh://user:pw@host/...}): {@link #masked}
 * shows them with each occurrence of the argument as written, of its URL, and of a user name, password or query value it
 * holds (four characters or more, standing alone) masked.
 */
public final class EngineTexts {
  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://");
  private static final Pattern PIECE = Pattern.compile("[^:/?#@&=]{4,}");

  private EngineTexts() {}

  /** {@code argument} as shown: through {@link UrlTexts#shown} when it holds a URL ({@code ://}), else as written. */
  public static String shown(String argument) {
    return argument != null && argument.contains("://") ? UrlTexts.shown(argument) : argument;
  }

  /** {@code command}, an engine's program and arguments (or some of them), as one line of its arguments {@link #shown}. */
  public static String shown(List<String> command) {
    return String.join(" ", command.stream().map(EngineTexts::shown).toList());
  }

  /** Whether an argument of {@code command} is shown other than as written: one that holds a credential, or may. */
  public static boolean holdsCredentials(List<String> command) {
    return command.stream().anyMatch(a -> !a.equals(shown(a)));
  }

  /**
   * {@code text}, what the engine of {@code command} printed, without the credentials of its arguments: each argument that
   * is {@link #shown} other than as written, its URL (after {@code --url=}), and the user name, password and query values
   * that are masked in it, replaced wherever they stand in {@code text}. Null stays null.
   */
  public static String masked(String text, List<String> command) {
    if (text == null) {
      return null;
    }
    Map<String, String> replacements = new LinkedHashMap<>();
    List<String> pieces = new ArrayList<>();
    for (String argument : command) {
      String shown = shown(argument);
      if (argument.equals(shown)) {
        continue;
      }
      replacements.put(argument, shown);
      Matcher scheme = SCHEME.matcher(argument);
      if (scheme.find() && scheme.start() > 0) {
        String url = argument.substring(scheme.start());
        replacements.put(url, UrlTexts.shown(url));
      }
      Matcher piece = PIECE.matcher(argument);
      while (piece.find()) {
        if (!shown.contains(piece.group())) { // a part the URL's shown form masks: a user name, password or query value
          pieces.add(piece.group());
        }
      }
    }
    String out = text;
    List<String> raw = new ArrayList<>(replacements.keySet());
    raw.sort(Comparator.comparingInt(String::length).reversed()); // an argument before the URL in it
    for (String r : raw) {
      out = out.replace(r, replacements.get(r));
    }
    pieces.sort(Comparator.comparingInt(String::length).reversed());
    for (String p : pieces) {
      out = out.replaceAll("(?<![A-Za-z0-9])" + Pattern.quote(p) + "(?![A-Za-z0-9])", Matcher.quoteReplacement(UrlTexts.MASK));
    }
    return out;
  }
}
