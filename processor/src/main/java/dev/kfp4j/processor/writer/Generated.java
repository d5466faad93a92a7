package dev.kfp4j.processor.writer;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;

/** Annotations every generated class carries. */
final class Generated {
  static final String PROCESSOR = "dev.kfp4j.processor.Kfp4jProcessor";

  private Generated() {}

  static AnnotationSpec generated() {
    return AnnotationSpec.builder(ClassName.get("javax.annotation.processing", "Generated"))
        .addMember("value", "$S", PROCESSOR)
        .build();
  }

  static AnnotationSpec suppressWarnings() {
    return AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "all").build();
  }

  /** A doc comment as {@code Elements.getDocComment} returns it, ready for {@code addJavadoc}. */
  static String javadoc(String comment) {
    if (comment == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (String line : comment.split("\n", -1)) {
      out.append(line.startsWith(" ") ? line.substring(1) : line).append('\n');
    }
    return out.toString().strip() + "\n";
  }
}
