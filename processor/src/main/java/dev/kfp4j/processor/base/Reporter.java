package dev.kfp4j.processor.base;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/** Reports errors on elements and counts them, going on to collect more. */
public final class Reporter {
  private final Messager messager;
  private int errors;

  public Reporter(Messager messager) {
    this.messager = messager;
  }

  public void error(Element element, Message message, Object... args) {
    errors++;
    messager.printMessage(Diagnostic.Kind.ERROR, message.format(args), element);
  }

  public void error(Element element, AnnotationMirror annotation, Message message, Object... args) {
    errors++;
    if (annotation == null) {
      messager.printMessage(Diagnostic.Kind.ERROR, message.format(args), element);
    } else {
      messager.printMessage(Diagnostic.Kind.ERROR, message.format(args), element, annotation);
    }
  }

  public void warning(Element element, String text) {
    messager.printMessage(Diagnostic.Kind.WARNING, text, element);
  }

  public int errorCount() {
    return errors;
  }
}
