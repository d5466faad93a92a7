package dev.kfp4j.processor.validation;

import dev.kfp4j.processor.base.Annotations;
import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.base.Reporter;
import dev.kfp4j.spec.TaskConfigs;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;

/**
 * The {@code @TaskConfigPassthrough}s of a {@code @Component} method (one, or several in javac's
 * container {@code @TaskConfigPassthrough.List}), as KFP's {@code task_config_passthroughs}: each
 * field once, each annotation listing one at least.
 */
final class Passthroughs {
  static final String PASSTHROUGH = "dev.kfp4j.annotations.TaskConfigPassthrough";
  static final String PASSTHROUGHS = PASSTHROUGH + ".List";

  private final Reporter reporter;

  Passthroughs(Reporter reporter) {
    this.reporter = reporter;
  }

  /** The method's passthroughs in the order written; errors reported on the annotation. */
  List<TaskConfigs.Passthrough> of(ExecutableElement method) {
    List<AnnotationMirror> annotations = new ArrayList<>();
    AnnotationMirror one = Annotations.annotation(method, PASSTHROUGH);
    if (one != null) {
      annotations.add(one);
    }
    // repeated, they are in javac's container, which it made: javac points at no annotation in it, an error is on the method
    boolean repeated = false;
    if (Annotations.value(Annotations.annotation(method, PASSTHROUGHS), "value") instanceof List<?> list) {
      for (Object item : list) {
        annotations.add((AnnotationMirror) ((AnnotationValue) item).getValue());
        repeated = true;
      }
    }
    List<TaskConfigs.Passthrough> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (AnnotationMirror a : annotations) {
      AnnotationMirror at = repeated ? null : a;
      boolean apply = Boolean.TRUE.equals(Annotations.value(a, "applyToTask"));
      List<String> fields = Annotations.strings(a, "value");
      if (fields.isEmpty()) {
        reporter.error(method, at, Message.PASSTHROUGH_EMPTY, method.getSimpleName());
      }
      for (String field : fields) {
        if (!seen.add(field)) {
          reporter.error(method, at, Message.PASSTHROUGH_TWICE, field, method.getSimpleName());
        } else {
          out.add(new TaskConfigs.Passthrough(field, apply));
        }
      }
    }
    return out;
  }
}
