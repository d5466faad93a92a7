package dev.kfp4j.entrypoint;

import java.util.regex.Pattern;

/**
 * Whether a value a message would show may be a credential, by what names it or by its form, and how it is shown then: by its
 * length alone. A message goes to a terminal, to CI logs and to a container's log, and no credential is printed. The one rule,
 * here so that the container side and the tools that check a run's values before sending it say the same.
 *
 * <pre>{@code
 * String shown = Credentials.mayHold("api_token", value) ? Credentials.hidden(value) : "'" + value + "'";
 * }</pre>
 */
public final class Credentials {
  /** What names a credential in a key or value. */
  private static final Pattern NAMED =
      Pattern.compile("(?i)passw|secret|token|credential|api[-_ ]?key|auth|bearer|private[-_ ]?key|access[-_ ]?key");
  /**
   * What is a credential by its form, whatever names it: a URL's user name and password ({@code postgres://u:pw@host}), a
   * JSON Web Token, and the keys of AWS, GitHub, Slack, Google, OpenAI and Hugging Face by their prefixes.
   */
  private static final Pattern FORM = Pattern.compile("://[^/?#@\\s\"]+@|\\beyJ[\\w-]{8,}\\.[\\w-]{8,}\\."
      + "|\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b|\\b(?:gh[pousr]_|github_pat_)\\w{20,}|\\bxox[abprs]-[\\w-]{10,}"
      + "|\\bAIza[\\w-]{30,}|\\bsk-[\\w-]{20,}|\\bhf_[A-Za-z0-9]{20,}");

  private Credentials() {}

  /**
   * Whether {@code value}, under {@code name} (a parameter, an input, a key's path), may be a credential: the name or the value
   * names one ({@code TOKEN}, {@code password}, {@code secret}, {@code apiKey}, ...), or the value has a credential's form (a
   * URL's password, a token's known prefix). Either may be null.
   */
  public static boolean mayHold(String name, String value) {
    return name != null && NAMED.matcher(name).find()
        || value != null && (NAMED.matcher(value).find() || FORM.matcher(value).find());
  }

  /** {@code value} as a message shows a value that {@link #mayHold} a credential: {@code a value of 7 characters (not shown: ...)}. */
  public static String hidden(String value) {
    return "a value of " + value.length() + " characters (not shown: it may hold a credential)";
  }
}
