package dev.kfp4j.processor;

import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/** Where every file the processor makes is written: generated Java and class-output resources, through the {@link Filer}. */
final class Output {
  private Output() {}

  /**
   * {@code file} as a generated source, with its originating elements: the text {@link
   * JavaFile#writeTo(Filer)} writes, emitted into memory and handed to the file's writer at once
   * (JavaPoet's own {@code writeTo} appends to it piece by piece, each through the encoder).
   */
  static void java(Filer filer, JavaFile file) throws IOException {
    String name = file.packageName().isEmpty() ? file.typeSpec().name() : file.packageName() + "." + file.typeSpec().name();
    List<Element> origins = file.typeSpec().originatingElements();
    JavaFileObject source = filer.createSourceFile(name, origins.toArray(new Element[0]));
    try (Writer out = source.openWriter()) {
      out.write(file.toString());
    } catch (IOException | RuntimeException e) {
      try {
        source.delete(); // as JavaPoet does: no half-written source left for javac's next round
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
