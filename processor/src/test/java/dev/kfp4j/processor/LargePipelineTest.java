package dev.kfp4j.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.kfp4j.testing.ArgoSchemas;
import dev.kfp4j.yaml.Yaml;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A 5,000-task chain compiles: within the JVM's 64 KB method limit, to a valid, compact workflow
 * and a valid, compact KFP 2 pipeline spec (one component for the 5,000 tasks that run it alike).
 */
class LargePipelineTest {
  @Test
  void aChainOfFiveThousandTasksCompiles() {
    List<String> body = new ArrayList<>();
    body.add("@Component public static int step(int x) { return x; }");
    body.add("@Pipeline(name = \"chain\") public static void chain() {");
    body.add("  var t = LOps.step(0);");
    for (int i = 1; i < 5000; i++) {
      body.add("  t = LOps.step(t.output());");
    }
    body.add("}");
    Compilation c = Compile.compile(Compile.testClass("L", List.of("import dev.kfp4j.annotations.*;"), body.toArray(String[]::new)));
    assertThat(c).succeeded();
    String yaml = Compile.resource(c, "META-INF/kfp4j/pipelines/chain.yaml");
    assertThat(Yaml.read(yaml).at("/spec/templates/0/dag/tasks").size()).isEqualTo(5000);
    assertThat(yaml.length()).isLessThan(1_000_000);
    ArgoSchemas.assertValid(yaml, "chain.yaml");
    String kfp2 = Compile.resource(c, "META-INF/kfp4j/kfp2/pipelines/chain.yaml");
    assertThat(Yaml.read(kfp2).at("/root/dag/tasks").size()).isEqualTo(5000);
    assertThat(Yaml.read(kfp2).at("/components").size()).isEqualTo(1);
    assertThat(kfp2.length()).isLessThan(2_000_000);
    Compile.validKfp2(kfp2, "kfp2/chain.yaml");
  }
}
