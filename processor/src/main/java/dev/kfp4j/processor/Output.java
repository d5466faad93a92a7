package dev.kfp4j.processor;

import dev.kfp4j.processor.writer.JavaSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/** Where every file the processor makes is written: generated Java and class-output resources, through the {@link Filer}. */
final class Output {
  private Output() {}

  /** {@code source} as a generated source, with its originating elements, handed to the file's writer at once. */
  static void java(Filer filer, JavaSource source) throws IOException {
    JavaFileObject file = filer.createSourceFile(source.name(), source.origins());
    try (Writer out = file.openWriter()) {
      out.write(source.text());
    } catch (IOException | RuntimeException e) {
      try {
        file.delete(); // as JavaPoet does: no half-written source left for javac's next round
      } catch (RuntimeException ignored) {
        // the first exception is the one to report
      }
      throw e;
    }
  }

  /** A UTF-8 text resource at {@code path} in the class output, from {@code origins}. */
  static void resource(Filer filer, String path, String content, Element... origins) throws IOException {
    FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", path, origins);
    try (OutputStream out = file.openOutputStream()) {
      out.write(content.getBytes(StandardCharsets.UTF_8)); // no encoder per file
    }
  }
}
