package dev.kfp4j.processor.validation;

import static dev.kfp4j.processor.base.Annotations.erroneous;
import static dev.kfp4j.processor.base.Annotations.stringValue;

import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.base.Reporter;
import dev.kfp4j.spec.Names;
import java.util.HashMap;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;

/**
 * The names the {@code @Component} (or {@code @Pipeline}) methods of a compilation give: {@code @Component(name)}, else the
 * method's name in kebab case. Each is checked as Kubernetes takes it, and the first method to give a name has it; a later
 * one is an error on its {@code name}. A method's name is claimed whatever else is wrong with it (its signature, a type not
 * known), so that a duplicate comes in the same build as those errors, not in the one after they are fixed.
 */
final class UniqueNames {
  private final MethodChecks methods;
  private final Reporter reporter;
  /** {@code "component"} or {@code "pipeline"}. */
  private final String what;
  private final Message duplicate;
  /** The method ({@link ComponentValidator#describe}) that gave each name first. */
  private final Map<String, String> owners = new HashMap<>();

  UniqueNames(Reporter reporter, String what, Message duplicate) {
    this.methods = new MethodChecks(reporter);
    this.reporter = reporter;
    this.what = what;
    this.duplicate = duplicate;
  }

  /**
   * The name {@code method} gives, its errors reported (not valid, already given by another method); null when {@code
   * name} is written as an expression javac cannot resolve, which javac reports: no name, so no error of its own.
   */
  String claim(ExecutableElement method, AnnotationMirror annotation) {
    if (erroneous(annotation, "name")) {
      return null;
    }
    String name = stringValue(annotation, "name");
    if (name.isEmpty()) {
      name = Names.kebab(method.getSimpleName().toString());
    }
    methods.checkName(method, annotation, what, name);
    String source = ComponentValidator.describe(method);
    String previous = owners.putIfAbsent(name, source);
    if (previous != null && !previous.equals(source)) { // the same method checked again (its class analysed) is no duplicate
      reporter.error(method, annotation, "name", duplicate, name, previous);
    }
    return name;
  }
}
