package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.kfp4j.format.argo.ArgoReader;
import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.Task;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Components and pipelines compiled earlier into a jar on the class path, as Maven gives a project the jar of another it
 * depends on: their ops and pipelines are called as those of a folder of classes are. javac reads no {@code META-INF} file
 * from a jar (it lists a jar by package), so the processor reads their files from the jar of the class that names them.
 */
class ClassPathJarTest {
  @TempDir Path dir;

  private Path libJar() {
    Compilation lib = Compile.compile(PipelineModelTest.LIB, NestedPipelineTest.INNER);
    assertThat(lib).succeeded();
    return Compile.writeJar(lib, dir.resolve("lib-1.0.jar"));
  }

  @Test
  void anOpFromAJarIsCalledInBothFormats() {
    JavaFileObject user = Compile.testClass("User", NestedPipelineTest.HEADER,
        "@Pipeline(name = \"user\") public static int user(int n) {",
        "  return LibOps.add(LibOps.add(n, 1).output(), 2).output();",
        "}");
    Compilation c = Compile.compileAgainst(libJar(), user);
    assertThat(c).succeededWithoutWarnings();
    Pipeline argo = ArgoReader.read(Compile.resource(c, "META-INF/kfp4j/pipelines/user.yaml"), "user.yaml");
    assertThat(((Task) argo.node("add").orElseThrow()).arguments().get("a")).isEqualTo(new Argument.TaskOutput("add-2", "Output"));
    assertThat(((Task) argo.node("add").orElseThrow()).component().name()).isEqualTo("add");
    String kfp2 = Compile.resource(c, "META-INF/kfp4j/kfp2/pipelines/user.yaml");
    Compile.validKfp2(kfp2, "user.yaml");
    assertThat(Kfp2Reader.read(kfp2, "user.yaml").outputs()).containsKey("Output");
  }

  @Test
  void aPipelineFromAJarIsCalledInBothFormats() {
    JavaFileObject outer = Compile.testClass("Outer", NestedPipelineTest.HEADER,
        "@Pipeline(name = \"outer\") public static int outer(int n) {",
        "  int once = Inner.inner(n, 5);",
        "  var s = Inner.sums(once);",
        "  return LibOps.add(once, s.total()).output();",
        "}");
    Compilation c = Compile.compileAgainst(libJar(), outer);
    assertThat(c).succeededWithoutWarnings();
    Pipeline fromArgo = ArgoReader.read(Compile.resource(c, "META-INF/kfp4j/pipelines/outer.yaml"), "outer.yaml");
    assertThat(((Task) fromArgo.node("sums-add").orElseThrow()).arguments().get("b"))
        .isEqualTo(new Argument.TaskOutput("inner-add-2", "Output"));
    String kfp2 = Compile.resource(c, "META-INF/kfp4j/kfp2/pipelines/outer.yaml");
    Compile.validKfp2(kfp2, "outer.yaml");
    assertThat(((Task) Kfp2Reader.read(kfp2, "outer.yaml").node("add").orElseThrow()).arguments().get("b"))
        .isEqualTo(new Argument.TaskOutput("sums-add-2", "Output"));
  }
}
