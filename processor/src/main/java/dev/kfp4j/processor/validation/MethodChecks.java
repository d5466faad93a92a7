package dev.kfp4j.processor.validation;

import static dev.kfp4j.processor.base.Annotations.strings;

import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.base.Reporter;
import dev.kfp4j.spec.Names;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;

/**
 * The checks a {@code @Component} and a {@code @Pipeline} method share: where the method may
 * stand, the Kubernetes name it gives, and its {@code "key=value"} attributes.
 */
public final class MethodChecks {
  private final Reporter reporter;

  public MethodChecks(Reporter reporter) {
    this.reporter = reporter;
  }

  /** Checks the modifiers and nesting shared by {@code @Component} and {@code @Pipeline} methods. */
  public void checkModifiers(ExecutableElement method, String annotationName, AnnotationMirror annotation) {
    String methodName = method.getSimpleName().toString();
    String returns = method.getReturnType().toString();
    if (!method.getModifiers().contains(Modifier.STATIC)) {
      reporter.error(method, Message.NOT_STATIC, annotationName, methodName, returns, methodName);
    }
    if (!method.getModifiers().contains(Modifier.PUBLIC)) {
      reporter.error(method, Message.NOT_PUBLIC, annotationName, methodName, returns, methodName);
    }
    Element owner = method.getEnclosingElement();
    if (owner instanceof TypeElement t) {
      boolean ok =
          (t.getKind() == ElementKind.CLASS || t.getKind() == ElementKind.INTERFACE || t.getKind() == ElementKind.ENUM || t.getKind() == ElementKind.RECORD)
              && (t.getNestingKind() == NestingKind.TOP_LEVEL
                  || (t.getNestingKind() == NestingKind.MEMBER && t.getModifiers().contains(Modifier.STATIC))
                  || (t.getNestingKind() == NestingKind.MEMBER && t.getKind() != ElementKind.CLASS));
      if (!ok) {
        String where = t.getNestingKind().toString().toLowerCase() + " class " + t.getSimpleName();
        reporter.error(method, Message.NOT_IN_CLASS, annotationName, methodName, t.getNestingKind() == NestingKind.MEMBER
            ? where + ", an inner class: make it static, 'public static class " + t.getSimpleName() + "'"
            : where + ": move the method to a top-level class, or a static nested one");
      }
    }
  }

  /** Reports a method in a private class (or one nested in a private class), which generated classes of its package cannot call. */
  public void checkReachable(ExecutableElement method, String annotationName) {
    for (Element e = method.getEnclosingElement(); e instanceof TypeElement t; e = t.getEnclosingElement()) {
      if (t.getModifiers().contains(Modifier.PRIVATE)) {
        reporter.error(method, Message.PRIVATE_CLASS, annotationName, method.getSimpleName(), t.getSimpleName(), t.getSimpleName());
        return;
      }
    }
  }

  /** What Kubernetes refuses in the entry {@code key=value} of labels (or annotations, whose values are free), or null. */
  private static String labelProblem(String key, String value, boolean annotation) {
    String badKey = Names.whyInvalidLabelKey(key);
    if (badKey != null) {
      return "'" + key + "' is not a Kubernetes key: " + badKey;
    }
    String badValue = annotation ? null : Names.whyInvalidLabelValue(value);
    return badValue == null ? null : "'" + value + "' is not a Kubernetes label value: " + badValue;
  }

  /** Reports a {@code name} Kubernetes refuses, with a name it accepts. */
  public void checkName(Element element, AnnotationMirror annotation, String what, String name) {
    String why = Names.whyInvalidKubernetesName(name);
    if (why != null) {
      String suggestion = Names.kebab(name).replaceAll("[^a-z0-9-]", "-").replaceAll("-+", "-").replaceAll("^-|-$", "");
      if (suggestion.length() > 63) {
        suggestion = suggestion.substring(0, 63).replaceAll("-$", "");
      }
      if (suggestion.isEmpty()) {
        suggestion = what;
      }
      reporter.error(element, annotation, "name", Message.INVALID_NAME, what, name, why, suggestion);
    }
  }

  /** An array attribute of {@code "key=value"} strings as a map; other entries are errors. */
  public Map<String, String> keyValues(Element element, AnnotationMirror a, String key) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String s : strings(a, key)) {
      int eq = s.indexOf('=');
      if (eq > 0) {
        String k = s.substring(0, eq).strip();
        String v = s.substring(eq + 1).strip();
        String why = labelProblem(k, v, key.equals("annotations"));
        if (why != null) {
          reporter.error(element, a, key, Message.BAD_LABEL, a.getAnnotationType().asElement().getSimpleName(), key, s, why);
        }
        map.put(k, v);
      } else {
        reporter.error(element, a, key, Message.BAD_KEY_VALUE, a.getAnnotationType().asElement().getSimpleName(), key, s);
      }
    }
    return map;
  }
}
