package dev.kfp4j.processor.base;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A format pipelines are written in, as the processor option {@code kfp4j.formats} and {@code
 * @Pipeline(formats = ...)} name them (the annotation's {@code dev.kfp4j.annotations.Format}
 * constants, read by name).
 */
public enum Format {
  /** The Argo Workflow, for KFP v1 and {@code argo submit}. */
  ARGO,
  /** KFP 2's pipeline spec. */
  KFP2;

  /** Both, what a build writes unless {@code kfp4j.formats} says otherwise. */
  public static final Set<Format> DEFAULT = EnumSet.allOf(Format.class);

  /** The option's name of the format: {@code argo}, {@code kfp2}. */
  public String optionName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The formats the option {@code kfp4j.formats} names, comma-separated ({@code argo}, {@code
   * kfp2}, {@code argo,kfp2}); the default for null.
   *
   * @throws IllegalArgumentException naming what is wrong and the choices
   */
  public static Set<Format> parseOption(String text) {
    if (text == null) {
      return DEFAULT;
    }
    Set<Format> out = EnumSet.noneOf(Format.class);
    for (String part : text.split(",", -1)) {
      String name = part.strip();
      Format f = null;
      for (Format candidate : values()) {
        if (candidate.optionName().equals(name.toLowerCase(Locale.ROOT))) {
          f = candidate;
        }
      }
      if (f == null) {
        throw new IllegalArgumentException("'" + name + "' is not a format; write argo, kfp2, or argo,kfp2 for both");
      }
      out.add(f);
    }
    return out;
  }
}
