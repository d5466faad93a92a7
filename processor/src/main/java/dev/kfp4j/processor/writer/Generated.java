package dev.kfp4j.processor.writer;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;

/** What every generated class shares: its annotations and how its file is written. */
public final class Generated {
  static final String PROCESSOR = "dev.kfp4j.processor.Kfp4jProcessor";

  private Generated() {}

  /** {@code @Generated("dev.kfp4j.processor.Kfp4jProcessor")}, without a date. */
  public static AnnotationSpec generated() {
    return AnnotationSpec.builder(ClassName.get("javax.annotation.processing", "Generated"))
        .addMember("value", "$S", PROCESSOR)
        .build();
  }

  /** The source file of a generated type: two-space indent, no java.lang imports. */
  public static com.palantir.javapoet.JavaFile file(ClassName type, com.palantir.javapoet.TypeSpec spec) {
    return com.palantir.javapoet.JavaFile.builder(type.packageName(), spec).skipJavaLangImports(true).indent("  ").build();
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
