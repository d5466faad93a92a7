package dev.kfp4j.local;

import dev.kfp4j.entrypoint.UrlTexts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
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
   * {@code text}, what the engine of {@code command} printed, without the credentials of its arguments, as {@link #masking}
   * masks it. Null stays null. To mask many texts of one engine (a task's log, line by line), make its {@link Masking} once.
   */
  public static String masked(String text, List<String> command) {
    return masking(command).apply(text);
  }

  /**
   * The masking of what the engine of {@code command} prints: each argument that is {@link #shown} other than as written, its
   * URL (after {@code --url=}), and the user name, password and query values that are masked in it, replaced wherever they
   * stand in a text. Worked out once, for every text it masks.
   */
  public static Masking masking(List<String> command) {
    return new Masking(command);
  }

  /** What {@link #masking} makes: the replacements of one engine's arguments, applied to each text given. */
  public static final class Masking implements UnaryOperator<String> {
    private final List<Map.Entry<String, String>> replacements; // the longest first: an argument before the URL in it
    private final List<Pattern> pieces; // the longest first, each standing alone

    private Masking(List<String> command) {
      Map<String, String> replace = new LinkedHashMap<>();
      List<String> found = new ArrayList<>();
      for (String argument : command) {
        String shown = shown(argument);
        if (argument.equals(shown)) {
          continue;
        }
        replace.put(argument, shown);
        Matcher scheme = SCHEME.matcher(argument);
        if (scheme.find() && scheme.start() > 0) {
          String url = argument.substring(scheme.start());
          replace.put(url, UrlTexts.shown(url));
        }
        Matcher piece = PIECE.matcher(argument);
        while (piece.find()) {
          if (!shown.contains(piece.group())) { // a part the URL's shown form masks: a user name, password or query value
            found.add(piece.group());
          }
        }
      }
      List<Map.Entry<String, String>> r = new ArrayList<>(replace.entrySet());
      r.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
      this.replacements = List.copyOf(r);
      found.sort(Comparator.comparingInt(String::length).reversed());
      this.pieces = found.stream().map(p -> Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(p) + "(?![A-Za-z0-9])")).toList();
    }

    /** Whether it masks anything: whether an argument of the engine holds a credential, or may ({@link #holdsCredentials}). */
    public boolean masksAny() {
      return !replacements.isEmpty();
    }

    /** {@code text} without the credentials of the engine's arguments; null stays null. */
    @Override
    public String apply(String text) {
      if (text == null) {
        return null;
      }
      String out = text;
      for (Map.Entry<String, String> r : replacements) {
        out = out.replace(r.getKey(), r.getValue());
      }
      String mask = Matcher.quoteReplacement(UrlTexts.MASK);
      for (Pattern p : pieces) {
        out = p.matcher(out).replaceAll(mask);
      }
      return out;
    }
  }
}
