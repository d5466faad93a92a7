package dev.kfp4j.processor.base;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Reports errors on elements and on places in method bodies, counting them and going on to
 * collect more, so a build shows every mistake at once.
 */
public final class Reporter {
  private final Messager messager;
  private int errors;
  /** Whether errors are only counted, not printed: see {@link #silently}. */
  private boolean silent;

  public Reporter(Messager messager) {
    this.messager = messager;
  }

  public void error(Element element, Tagged message, Object... args) {
    error(at(element), message, args);
  }

  public void error(Element element, AnnotationMirror annotation, Tagged message, Object... args) {
    if (annotation == null) {
      error(element, message, args);
    } else {
      errors++;
      if (!silent) {
        messager.printMessage(Diagnostic.Kind.ERROR, message.format(args), element, annotation);
      }
    }
  }

  /** An error on attribute {@code attribute} of {@code annotation} on {@code element} (on the annotation when it is not written). */
  public void error(Element element, AnnotationMirror annotation, String attribute, Tagged message, Object... args) {
    AnnotationValue value = null;
    if (annotation != null) {
      for (var e : annotation.getElementValues().entrySet()) {
        if (e.getKey().getSimpleName().contentEquals(attribute)) {
          value = e.getValue();
        }
      }
    }
    if (value == null) {
      error(element, annotation, message, args);
    } else {
      errors++;
      if (!silent) {
        messager.printMessage(Diagnostic.Kind.ERROR, message.format(args), element, annotation, value);
      }
    }
  }

  /**
   * An error on entry {@code index} of array attribute {@code attribute} ({@code @ImportComponents({"a.yaml", "b.yaml"})}: on
   * {@code "b.yaml"} for 1); on the attribute when it has no such entry.
   */
  public void error(Element element, AnnotationMirror annotation, String attribute, int index, Tagged message, Object... args) {
    AnnotationValue entry = null;
    for (var e : annotation == null ? java.util.Map.<javax.lang.model.element.ExecutableElement, AnnotationValue>of().entrySet()
        : annotation.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(attribute) && e.getValue().getValue() instanceof java.util.List<?> list
          && index < list.size() && list.get(index) instanceof AnnotationValue v) {
        entry = v;
      }
    }
    if (entry == null) {
      error(element, annotation, attribute, message, args);
    } else {
      errors++;
      if (!silent) {
        messager.printMessage(Diagnostic.Kind.ERROR, message.format(args), element, annotation, entry);
      }
    }
  }

  public void error(Position position, Tagged message, Object... args) {
    errors++;
    if (!silent) {
      position.print(Diagnostic.Kind.ERROR, message.format(args));
    }
  }

  /**
   * What {@code work} gives, with the errors it meets neither printed nor left counted: whether it finds any is for its
   * result to say (a check run once ahead of time, to be run again where its errors are reported).
   */
  public <T> T silently(java.util.function.Supplier<T> work) {
    int before = errors;
    boolean was = silent;
    silent = true;
    try {
      return work.get();
    } finally {
      silent = was;
      errors = before;
    }
  }

  /** The position of {@code element}. */
  public Position at(Element element) {
    return (kind, text) -> messager.printMessage(kind, text, element);
  }

  /** No particular place: for what concerns the whole compilation. */
  public Position nowhere() {
    return (kind, text) -> messager.printMessage(kind, text);
  }

  public int errorCount() {
    return errors;
  }
}
