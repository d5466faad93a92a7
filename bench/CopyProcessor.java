import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.annotation.processing.SupportedOptions;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.StandardLocation;

/**
 * A processor that writes, through javac's {@code Filer}, the files kfp4j generated, and does
 * nothing else but read each component's doc comment, for bench/run.py sections 1 and 1w: the
 * floor of any processor that generates those files (javac keeps doc comments, writes the files,
 * and compiles the Java sources in a second round). {@code -Acopy.from=DIR}: the Java sources in
 * {@code DIR/java} (by package folder), the other files in {@code DIR/resources}, written to the
 * class output. Not a test: nothing asserts on time.
 */
@SupportedAnnotationTypes("dev.kfp4j.annotations.Component")
@SupportedOptions("copy.from")
public final class CopyProcessor extends AbstractProcessor {
  private boolean done;

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    for (TypeElement a : annotations) {
      for (Element e : round.getElementsAnnotatedWith(a)) {
        processingEnv.getElementUtils().getDocComment(e);
      }
    }
    if (done || annotations.isEmpty()) {
      return false;
    }
    done = true;
    Path from = Path.of(processingEnv.getOptions().get("copy.from"));
    try {
      for (Path f : files(from.resolve("java"))) {
        String name = from.resolve("java").relativize(f).toString().replace(".java", "").replace('/', '.');
        try (Writer w = processingEnv.getFiler().createSourceFile(name).openWriter()) {
          w.write(Files.readString(f));
        }
      }
      for (Path f : files(from.resolve("resources"))) {
        try (OutputStream o = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "",
            from.resolve("resources").relativize(f).toString()).openOutputStream()) {
          o.write(Files.readAllBytes(f));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return false;
  }

  private static List<Path> files(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
    }
  }
}
