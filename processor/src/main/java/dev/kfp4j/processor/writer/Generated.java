package dev.kfp4j.processor.writer;

import com.palantir.javapoet.ClassName;

/** What every generated class shares: its annotations and how its file is written. */
public final class Generated {
  static final String PROCESSOR = "dev.kfp4j.processor.Kfp4jProcessor";
  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

  private Generated() {}

  /**
   * Starts a generated top-level class: its Javadoc ({@code doc}, then {@code link} as a {@code
   * {@link}}, then {@code after}), {@code @Generated}, and {@code public final class Name {}.
   */
  static JavaWriter begin(JavaWriter w, ClassName type, String doc, ClassName link, String after) {
    w.beginJavadoc().emit(doc).type(link).emit(after).endJavadoc();
    w.annotation(GENERATED, PROCESSOR);
    return w.emit("public final class ").emit(type.simpleName()).emit(" {\n").indent();
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
