package dev.kfp4j.processor.validation;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.VariableElement;

/**
 * Whether a parameter is marked {@code @Nullable}: by any annotation of that simple name, on the
 * declaration ({@code javax.annotation.Nullable}, {@code jakarta.annotation.Nullable}) or on its
 * type ({@code org.jspecify.annotations.Nullable}, a type-use annotation), as Dagger reads it, so a
 * project keeps the one it has.
 */
public final class Nullable {
  private Nullable() {}

  public static boolean marks(VariableElement p) {
    return any(p.getAnnotationMirrors()) || any(p.asType().getAnnotationMirrors());
  }

  private static boolean any(List<? extends AnnotationMirror> annotations) {
    for (AnnotationMirror a : annotations) {
      if (a.getAnnotationType().asElement().getSimpleName().contentEquals("Nullable")) {
        return true;
      }
    }
    return false;
  }
}
