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
  /** The package of kfp4j's annotations. */
  private static final String PACKAGE = "dev.kfp4j.annotations.";

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

  /**
   * The value of attribute {@code key} as written (null when it takes its default, {@code a} is null, or it is an expression
   * javac cannot resolve, which javac reports: it has no value of its own to check).
   */
  public static Object value(AnnotationMirror a, String key) {
    AnnotationValue v = written(a, key);
    return v == null || isError(v) ? null : v.getValue();
  }

  /**
   * Whether attribute {@code key}, or an entry of it, is written as an expression javac cannot resolve ({@code name =
   * Names.MISSING}, {@code annotations = {Missing.NOTE, "a=b"}}), which javac reports: it reads as not written, and what is
   * unknown of it is no error of kfp4j's.
   */
  public static boolean erroneous(AnnotationMirror a, String key) {
    AnnotationValue v = written(a, key);
    return v != null && (isError(v) || v.getValue() instanceof List<?> list && list.stream().anyMatch(
        item -> item instanceof AnnotationValue entry && isError(entry)));
  }

  /**
   * Whether an annotation of kfp4j's on {@code method} or on one of its parameters has a value javac cannot resolve
   * (reported by javac): nothing is generated for the method then, as what it is is not known.
   */
  public static boolean unresolved(ExecutableElement method) {
    List<Element> annotated = new ArrayList<>(method.getParameters());
    annotated.add(method);
    for (Element e : annotated) {
      for (AnnotationMirror m : e.getAnnotationMirrors()) {
        TypeElement type = (TypeElement) m.getAnnotationType().asElement();
        if (type.getQualifiedName().toString().startsWith(PACKAGE) && anyUnresolved(m)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean anyUnresolved(AnnotationMirror m) {
    return m.getElementValues().values().stream().anyMatch(Annotations::unresolved);
  }

  /** Whether {@code v}, an entry of it or a value of an annotation it holds is one javac cannot resolve. */
  private static boolean unresolved(AnnotationValue v) {
    return isError(v) || v.getValue() instanceof AnnotationMirror nested && anyUnresolved(nested)
        || v.getValue() instanceof List<?> list
            && list.stream().anyMatch(item -> item instanceof AnnotationValue entry && unresolved(entry));
  }

  /** javac's value of an expression it cannot resolve reads as {@code <error>} unquoted, where a string's is quoted. */
  private static boolean isError(AnnotationValue v) {
    return v.toString().equals("<error>");
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

  /** The strings of an array-valued attribute, leaving out the entries javac cannot resolve (it reports them). */
  public static List<String> strings(AnnotationMirror a, String key) {
    return entries(a, key).stream().filter(java.util.Objects::nonNull).toList();
  }

  /**
   * The strings of an array-valued attribute in order, null for an entry javac cannot resolve (it reports it): an entry's
   * index, as an error on it ({@code Reporter.error(.., index, ..)}) takes it.
   */
  public static List<String> entries(AnnotationMirror a, String key) {
    List<String> out = new ArrayList<>();
    if (value(a, key) instanceof List<?> list) {
      for (Object item : list) {
        AnnotationValue v = (AnnotationValue) item;
        out.add(isError(v) ? null : v.getValue().toString());
      }
    }
    return out;
  }
}
