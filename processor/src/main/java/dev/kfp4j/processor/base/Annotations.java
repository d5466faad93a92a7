package dev.kfp4j.processor.base;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/** Reading annotations by name, so the processor needs no class of the annotations it reads. */
public final class Annotations {
  private Annotations() {}

  /** The annotation {@code qualifiedName} on {@code e}, or null. */
  public static AnnotationMirror annotation(Element e, String qualifiedName) {
    for (AnnotationMirror m : e.getAnnotationMirrors()) {
      if (((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().contentEquals(qualifiedName)) {
        return m;
      }
    }
    return null;
  }

  /** The value of attribute {@code key} as written (null when it takes its default, or {@code a} is null). */
  public static Object value(AnnotationMirror a, String key) {
    AnnotationValue v = written(a, key);
    return v == null ? null : v.getValue();
  }

  /**
   * Whether attribute {@code key} is written as an expression javac cannot resolve ({@code name = Names.MISSING}), which
   * javac reports: it has no value. javac's value of it reads as {@code <error>} unquoted, where a string's is quoted.
   */
  public static boolean erroneous(AnnotationMirror a, String key) {
    AnnotationValue v = written(a, key);
    return v != null && v.toString().equals("<error>");
  }

  private static AnnotationValue written(AnnotationMirror a, String key) {
    if (a == null) {
      return null;
    }
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : a.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(key)) {
        return e.getValue();
      }
    }
    return null;
  }

  /** A string attribute, {@code ""} when not written. */
  public static String stringValue(AnnotationMirror a, String key) {
    Object v = value(a, key);
    return v == null ? "" : v.toString();
  }

  /** The strings of an array-valued attribute. */
  public static List<String> strings(AnnotationMirror a, String key) {
    List<String> out = new ArrayList<>();
    if (value(a, key) instanceof List<?> list) {
      for (Object item : list) {
        out.add(((AnnotationValue) item).getValue().toString());
      }
    }
    return out;
  }
}
