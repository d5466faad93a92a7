package dev.kfp4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each misuse of artifacts and {@code @Out} is one javac error on the parameter (or method), with its tag. */
class ArtifactErrorTest {
  static JavaFileObject component(String... body) {
    return Compile.testClass("C", List.of("import dev.kfp4j.annotations.*;", "import dev.kfp4j.artifacts.*;",
        "import java.nio.file.Path;", "import java.util.*;"), body);
  }

  static Stream<Arguments> misuses() {
    return Stream.of(
        Arguments.of("kfp4j:OutNotArtifact", "@Out Path model",
            new String[] {"@Component public static void f(", "    @Out Path model) {}"},
            "@Out parameter 'model' has type 'java.nio.file.Path'; @Out marks an output artifact: use Artifact, Dataset, "
                + "Model, Metrics, ClassificationMetrics, SlicedClassificationMetrics, HTML or Markdown, or KFP v1's MlpipelineMetrics or MlpipelineUiMetadata "
                + "(for a plain file to write, @OutputPath Path)"),
        Arguments.of("kfp4j:OutNotArtifact", "@Out int n",
            new String[] {"@Component public static void f(", "    @Out int n) {}"},
            "@Out parameter 'n' has type 'int'"),
        Arguments.of("kfp4j:OutWithPath", "@Out @InputPath Model model",
            new String[] {"@Component public static void f(", "    @Out @InputPath Model model) {}"},
            "parameter 'model' has @Out and @InputPath; an output artifact takes @Out alone: write '@Out Model model'"),
        Arguments.of("kfp4j:OutWithPath", "@OutputPath(\"Model\") @Out Model model",
            new String[] {"@Component public static void f(", "    @OutputPath(\"Model\") @Out Model model) {}"},
            "parameter 'model' has @Out and @OutputPath"),
        Arguments.of("kfp4j:OutOptional", "@Out Optional<Model> model",
            new String[] {"@Component public static void f(", "    @Out Optional<Model> model) {}"},
            "@Out parameter 'model' cannot be optional: a component writes every output artifact; remove the Optional"),
        Arguments.of("kfp4j:OutOptional", "@Default(\"x\") @Out Model model",
            new String[] {"@Component public static void f(", "    @Default(\"x\") @Out Model model) {}"},
            "remove @Default"),
        Arguments.of("kfp4j:ArtifactWithPath", "@InputPath(\"Dataset\") Dataset data",
            new String[] {"@Component public static void f(", "    @InputPath(\"Dataset\") Dataset data) {}"},
            "artifact parameter 'data' (Dataset) takes no @InputPath: write 'Dataset data' for an input artifact, "
                + "'@Out Dataset data' for an output"),
        Arguments.of("kfp4j:ArtifactWithPath", "@OutputPath Model model",
            new String[] {"@Component public static void f(", "    @OutputPath Model model) {}"},
            "artifact parameter 'model' (Model) takes no @OutputPath"),
        Arguments.of("kfp4j:ArtifactDefault", "@Default(\"x\") Dataset data",
            new String[] {"@Component public static void f(", "    @Default(\"x\") Dataset data) {}"},
            "artifact parameter 'data' cannot have a @Default; make it Optional<Dataset> for an optional input"),
        Arguments.of("kfp4j:ArtifactReturned", "public static Model train",
            new String[] {"@Component public static Model train(Dataset data) { return null; }"},
            "'train' returns an artifact (Model); returned values are parameters: take '@Out Model model' as a parameter, "
                + "write its path() and metadata()"),
        Arguments.of("kfp4j:ArtifactReturned", "public static R f",
            new String[] {"public record R(double score, HTML report) {}", "@Component public static R f(int a) { return null; }"},
            "'f().report()' returns an artifact (HTML); returned values are parameters: take '@Out HTML html'"),
        Arguments.of("kfp4j:UnknownArtifactType", "Tokenizer tokenizer",
            new String[] {"public static final class Tokenizer extends Artifact { Tokenizer() { super(Path.of(\"t\")); } }",
                "@Component public static void f(", "    Tokenizer tokenizer) {}"},
            "'tokenizer' has type 'test.C.Tokenizer', an artifact type kfp4j does not pass; use Artifact, Dataset, Model, "
                + "Metrics, ClassificationMetrics, SlicedClassificationMetrics, HTML or Markdown"),
        Arguments.of("kfp4j:UnsupportedParameterType", "Map<String, Dataset> data",
            new String[] {"@Component public static void f(", "    Map<String, Dataset> data) {}"},
            "parameter 'data' has type 'java.util.Map<java.lang.String,dev.kfp4j.artifacts.Dataset>', which a component input cannot carry"),
        Arguments.of("kfp4j:ReservedName", "String executor_input",
            new String[] {"@Component public static void f(", "    String executor_input) {}"},
            "input name 'executor_input' is reserved: KFP 2 passes its executor input as --executor_input; rename the parameter"));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("misuses")
  void misuseIsAnErrorOnTheElement(String tag, String line, String[] body, String message) {
    JavaFileObject source = component(body);
    Compilation c = Compile.compile(source);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[" + tag + "]").inFile(source).onLineContaining(line);
    assertThat(c).hadErrorContaining(message);
  }
}
