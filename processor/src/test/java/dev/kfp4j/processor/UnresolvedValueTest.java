package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An attribute of a kfp4j annotation written as an expression javac cannot resolve ({@code image = Missing.IMAGE}) is javac's
 * error alone: no kfp4j error quotes its {@code <error>} value, and none follows from what it leaves unknown (a workspace's
 * size another attribute needs, a default the parameter's uses rely on). (An enum value javac cannot resolve, {@code formats
 * = Missing.F}, is no case: javac then runs no annotation processor at all.)
 */
class UnresolvedValueTest {
  static Stream<Arguments> components() {
    return Stream.of(
        Arguments.of("@Component(image = Missing.IMAGE) public static int image(int x) { return x; }", 1),
        Arguments.of("@Component(annotations = {Missing.NOTE, \"team=ml\"}) public static int note(int x) { return x; }", 1),
        Arguments.of("@Component(labels = Missing.LABELS) public static int label(int x) { return x; }", 1),
        Arguments.of("@Component(description = Missing.TEXT) public static int described(int x) { return x; }", 1),
        Arguments.of("@Component public static int dflt(@Default(Missing.FIVE) int x) { return x; }", 1),
        Arguments.of("@Component public static int in(@InputPath(Missing.TYPE) Path data) { return 1; }", 1),
        Arguments.of("@Component public static void out(@OutputPath(Missing.KIND) Path model) { }", 1),
        Arguments.of("@Component @TaskConfigPassthrough(value = TaskConfigField.ENV, applyToTask = Missing.APPLY)"
            + " public static int apply(int x) { return x; }", 1));
  }

  @ParameterizedTest
  @MethodSource("components")
  void aComponentsAttributeJavacCannotResolveIsJavacsErrorAlone(String line, int javacErrors) {
    JavaFileObject source = ComponentErrorTest.component(line);
    Compilation c = Compile.compile(source);
    assertThat(c).hadErrorContaining("cannot find symbol").inFile(source).onLineContaining(line);
    assertThat(c).hadErrorCount(javacErrors);
  }

  static Stream<Arguments> pipelines() {
    return Stream.of(
        Arguments.of("@Pipeline(serviceAccount = Missing.ACCOUNT) public static void p() {", 1),
        Arguments.of("@Pipeline(ttlSecondsAfterFinished = Missing.TTL) public static void p() {", 1),
        Arguments.of("@Pipeline(activeDeadlineSeconds = Missing.DEADLINE, parallelism = Missing.PARALLEL) public static void p() {", 2),
        Arguments.of("@Pipeline(imagePullSecrets = {Missing.SECRET, \"pull\"}, nodeSelector = Missing.NODES) public static void p() {", 2),
        Arguments.of("@Pipeline(podGc = Missing.GC) public static void p() {", 1),
        Arguments.of("@Pipeline(workspaceSize = Missing.SIZE, workspaceStorageClass = \"fast\") public static void p() {", 1),
        Arguments.of("@Pipeline(workspaceAccessModes = Missing.MODES) public static void p() {", 1),
        Arguments.of("@Pipeline(displayName = Missing.SHOWN) public static void p() {", 1),
        Arguments.of("@Pipeline public static void p(@Default(Missing.FIVE) int n) { LibOps.add(n, 1);", 1),
        Arguments.of("@Pipeline(formats = Format.KFP2) public static void p(@InputPath(Missing.TYPE) java.nio.file.Path data) {", 1));
  }

  @ParameterizedTest
  @MethodSource("pipelines")
  void aPipelinesAttributeJavacCannotResolveIsJavacsErrorAlone(String line, int javacErrors) {
    List<dev.kfp4j.model.Pipeline> models = new ArrayList<>();
    JavaFileObject source = IndependentErrorsTest.testClass("P", line, "  LibOps.add(1, 2);", "}");
    Compilation c = Compile.compile(models, PipelineErrorTest.OPS, source);
    assertThat(c).hadErrorContaining("cannot find symbol").inFile(source).onLineContaining(line);
    assertThat(c).hadErrorCount(javacErrors);
    assertThat(models).isEmpty(); // nothing written with a value the source does not give
  }

  /** A file {@code @ImportComponents} names by a constant javac cannot resolve is javac's error; the other files' errors stay on theirs. */
  @Test
  void anImportedFileJavacCannotResolveIsJavacsErrorAlone() {
    JavaFileObject source = Compile.testClass("I", List.of("import dev.kfp4j.annotations.*;"),
        "@ImportComponents({",
        "    Missing.FILE,",
        "    \"components/nope.yaml\"})",
        "public static class Imported {}");
    Compilation c = Compile.compile(source);
    assertThat(c).hadErrorContaining("cannot find symbol").inFile(source).onLineContaining("Missing.FILE");
    assertThat(c).hadErrorContaining("[kfp4j:ComponentFileNotFound] @ImportComponents names 'components/nope.yaml'").inFile(source)
        .onLineContaining("nope.yaml");
    assertThat(c).hadErrorCount(2);
  }
}
