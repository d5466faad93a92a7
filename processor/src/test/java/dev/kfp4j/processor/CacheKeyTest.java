package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.yaml.Yaml;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code cacheKey("...")}, KFP's {@code set_caching_options(cache_key=...)}: KFP 2's {@code cachingOptions.cacheKey}; KFP 2 only. */
class CacheKeyTest {
  private static final List<String> HEADER = List.of("import dev.kfp4j.annotations.*;", "import test.*;");
  private JavaFileObject source;

  private Compilation compile(String... body) {
    source = Compile.testClass("P", HEADER, body);
    return Compile.compile(new ArrayList<Pipeline>(), IgnoreUpstreamFailureTest.STEPS, source);
  }

  @Test
  void theKeyIsWrittenAsKfpWritesIt() {
    Compilation c = compile(
        "@Pipeline(formats = Format.KFP2) public static void p() {",
        "  StepsOps.make(\"x\").cacheKey(\"v1\");",
        "  StepsOps.make(\"y\").caching(false).cacheKey(\"v2\");",
        "}");
    assertThat(c).succeeded();
    String yaml = Compile.resource(c, Kfp2PipelineTest.P2);
    assertThat(Yaml.readAll(yaml).get(0).at("/root/dag/tasks/make/cachingOptions").toString())
        .isEqualTo("{\"cacheKey\":\"v1\",\"enableCache\":true}");
    assertThat(Yaml.readAll(yaml).get(0).at("/root/dag/tasks/make-2/cachingOptions").toString()).isEqualTo("{\"cacheKey\":\"v2\"}");
    if (Compile.sharedPresent()) {
      Compile.validKfp2(yaml, "p.yaml");
    }
  }

  @Test
  void aBlankKeyAndAPipelineForArgoAreErrorsOnTheCall() {
    Compilation c = compile(
        "@Pipeline public static void p() {",
        "  StepsOps.make(\"x\")",
        "      .cacheKey(\"v1\");",
        "  StepsOps.make(\"y\").cacheKey(",
        "      \" \");",
        "}");
    assertThat(c).hadErrorContaining("[kfp4j:NotInArgo] cacheKey(...) gives the task a cache key of its own").inFile(source)
        .onLineContaining(".cacheKey(\"v1\")");
    assertThat(c).hadErrorContaining("[kfp4j:BadSetting] cacheKey(\" \"): the key is a text that is not blank").inFile(source)
        .onLineContaining("StepsOps.make(\"y\").cacheKey(");
    assertThat(c).hadErrorCount(2);
  }
}
