package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A component or pipeline whose signature uses a type another processor generates waits for the
 * round that type appears in; what is still unknown in the last round is reported.
 */
class DeferralTest {
  /** Generates {@code test.Point}, a record, in the first round, as another annotation processor would. */
  static final class PointGenerator extends AbstractProcessor {
    private boolean done;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!done) {
        done = true;
        try (Writer w = processingEnv.getFiler().createSourceFile("test.Point").openWriter()) {
          w.write("package test; public record Point(int x, int y) {}");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return false;
    }
  }

  static final JavaFileObject SOURCE = Compile.testClass("Geo", List.of("import dev.kfp4j.annotations.*;", "import java.util.List;"),
      "@Component public static double norm(Point p) { return Math.hypot(p.x(), p.y()); }",
      "@Component public static int count(List<Point> points) { return points.size(); }",
      "@Pipeline(name = \"geo\") public static void geo(Point p) { GeoOps.norm(p); }");

  @Test
  void aTypeGeneratedInALaterRoundIsWaitedFor() {
    Compilation c = Compiler.javac().withProcessors(new Kfp4jProcessor(), new PointGenerator())
        .withOptions("-Akfp4j.image=" + Compile.IMAGE).compile(SOURCE);
    assertThat(c).succeeded();
    assertThat(Compile.resource(c, "META-INF/kfp4j/components/norm.yaml")).contains("- name: p\n  type: JsonObject\n");
    assertThat(Compile.source(c, "test.GeoOps")).contains("public static DoubleTask norm(Point p)");
    assertThat(Compile.resource(c, "META-INF/kfp4j/pipelines/geo.yaml")).contains("{name: p, value: '{{workflow.parameters.p}}'}");
  }

  @Test
  void aClassWaitingForATypeStillReportsTheMisusesOfItsOtherComponents() {
    JavaFileObject source = Compile.testClass("Two", List.of("import dev.kfp4j.annotations.*;"),
        "@Component public static double norm(Point p) { return 0; }",
        "@Component(name = \"Bad_Name\") public static int bad(int x) { return x; }");
    Compilation c = Compile.compile(source);
    assertThat(c).hadErrorContaining("[kfp4j:UnresolvedType] @Component method 'test.Two.norm(Point)' was not compiled")
        .inFile(source).onLineContaining("norm(Point p)");
    // reported in the same build, not only once Point is fixed
    assertThat(c).hadErrorContaining("[kfp4j:InvalidName] component name 'Bad_Name' is not valid")
        .inFile(source).onLineContaining("Bad_Name");
  }

  @Test
  void aTypeStillUnknownInTheLastRoundIsReported() {
    Compilation c = Compile.compile(SOURCE);
    assertThat(c).hadErrorContaining("[kfp4j:UnresolvedType] @Component method 'test.Geo.norm(Point)' was not compiled: its type "
            + "'Point' is still unknown after the last round of annotation processing; fix that type (see javac's error for it)")
        .inFile(SOURCE).onLineContaining("norm(Point p)");
    assertThat(c).hadErrorContaining("[kfp4j:UnresolvedType] @Component method 'test.Geo.count(List<Point>)' was not compiled")
        .inFile(SOURCE).onLineContaining("count(List<Point> points)");
    assertThat(c).hadErrorContaining("[kfp4j:UnresolvedType] @Pipeline method 'test.Geo.geo(Point)' was not compiled")
        .inFile(SOURCE).onLineContaining("void geo(Point p)");
    assertThat(c).hadErrorContaining("cannot find symbol");
  }

  /**
   * A pipeline method waiting for a type is found again by its name, with its overloads: the overload compiled in its own
   * round was collected again, and told that its own generated class clashed with it ("already a type") while its files were
   * written, so a failed compilation left the files of a pipeline it reported an error on. Now it is collected once, the
   * waiting overload is the one error, and nothing is written for it.
   */
  @Test
  void anOverloadOfAPipelineWaitingForATypeIsCollectedOnceAndTheClashWritesNothingOfTheOther(@TempDir Path dir)
      throws IOException {
    JavaFileObject source = Compile.testClass("Fit", List.of("import dev.kfp4j.annotations.*;"),
        "@Component public static int one(int a) { return a; }",
        "@Pipeline(name = \"fit\") public static void train() { FitOps.one(1); }",
        "@Pipeline(name = \"fit-at\") public static void train(Point p) { FitOps.one(2); }");
    Path out = dir.resolve("classes");
    List<Diagnostic<? extends JavaFileObject>> errors = Compile.intoFolder(out, List.of(),
        List.of(new Kfp4jProcessor(), new PointGenerator()), source);
    assertThat(errors.stream().map(e -> e.getLineNumber() + ": " + e.getMessage(Locale.ROOT)).toList()).containsExactly(
        "6: [kfp4j:PipelineClassClash] the class kfp4j generates for pipeline method 'train' would be named 'test.TrainPipeline', "
            + "which is what kfp4j generates for pipeline method 'test.Fit.train()' too; rename the method or the class");
    assertThat(Files.exists(out.resolve("META-INF/kfp4j/kfp2/pipelines/fit.yaml"))).isTrue();
    assertThat(Files.exists(out.resolve("META-INF/kfp4j/kfp2/pipelines/fit-at.yaml"))).isFalse();
    assertThat(Files.exists(out.resolve("META-INF/kfp4j/pipelines/fit-at.yaml"))).isFalse();
  }
}
