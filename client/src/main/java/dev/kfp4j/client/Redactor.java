package dev.kfp4j.client;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hides credentials in text that is about to be shown: every secret it was given, whatever its
 * length, by exact match, replaced with {@value #MASK}. The clients give it every credential
 * header they send (so rotated token files and IAP tokens too); the {@code kfp4j} command gives it
 * the configured ones and passes every error line through it.
 */
public final class Redactor {
  /** What a secret is shown as. */
  public static final String MASK = "***";

  private final Set<String> secrets = ConcurrentHashMap.newKeySet();

  /** Hides {@code secret} (null and empty are ignored), and its form without surrounding white space. */
  public void add(String secret) {
    if (secret != null && !secret.isEmpty()) {
      secrets.add(secret);
      if (!secret.strip().isEmpty()) {
        secrets.add(secret.strip());
      }
    }
  }

  /**
   * Hides the credentials a request header carries: its whole value; for {@code Authorization},
   * the credentials after the scheme ({@code Bearer <token>}); for {@code Cookie}, each cookie and
   * each cookie's value.
   */
  public void addHeader(String name, String value) {
    add(value);
    if (value == null) {
      return;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.equals("authorization") || lower.equals("proxy-authorization")) {
      int space = value.indexOf(' ');
      add(space < 0 ? value : value.substring(space + 1));
    } else if (lower.equals("cookie")) {
      for (String cookie : value.split(";")) {
        add(cookie);
        int eq = cookie.indexOf('=');
        add(eq < 0 ? cookie : cookie.substring(eq + 1));
      }
    }
  }

  /** {@code text} with every secret replaced by {@value #MASK}, longest first; null stays null. */
  public String redact(String text) {
    if (text == null || secrets.isEmpty()) {
      return text;
    }
    List<String> all = new ArrayList<>(secrets);
    all.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
    for (String secret : all) {
      text = text.replace(secret, MASK);
    }
    return text;
  }
}
