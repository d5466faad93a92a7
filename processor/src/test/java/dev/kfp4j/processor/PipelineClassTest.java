package dev.kfp4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The generated {@code ...Pipeline} class compiles and works whatever the pipeline's parameters are named. */
class PipelineClassTest {
  /**
   * Parameters named as the generated method's locals ({@code k}, {@code v}, {@code out}), as the
   * field {@code RESOURCE}, and as the classes it calls ({@code Ops}, {@code KfpValues}, {@code
   * LocalRunner}, {@code Workflow}) made {@code arguments()} or {@code runLocally()} fail to
   * compile ("variable v is already defined") or call the wrong thing.
   */
  @Test
  void parametersMayBeNamedAsTheGeneratedCodesOwnNames() throws Exception {
    JavaFileObject pipeline = Compile.testClass("P", List.of("import dev.kfp4j.annotations.*;"),
        "@Pipeline public static void clash(int k, int v, String out, String out_, String RESOURCE, int Ops, int KfpValues,",
        "    int LocalRunner, @Default(\"5\") int Workflow) {",
        "  LibOps.add(k, v);",
        "}");
    Compilation c = Compile.compile(PipelineErrorTest.OPS, pipeline);
    assertThat(c).succeededWithoutWarnings();

    Class<?> generated = new GeneratedClasses(c).loadClass("test.ClashPipeline");
    Method arguments = generated.getMethod("arguments", int.class, int.class, String.class, String.class, String.class,
        int.class, int.class, int.class, Integer.class);
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("k", "1");
    expected.put("v", "2");
    expected.put("out", "three");
    expected.put("out_", "four");
    expected.put("RESOURCE", "five");
    expected.put("Ops", "6");
    expected.put("KfpValues", "7");
    expected.put("LocalRunner", "8");
    assertEquals(expected, arguments.invoke(null, 1, 2, "three", "four", "five", 6, 7, 8, null));
    assertEquals("META-INF/kfp4j/pipelines/clash.yaml", generated.getField("RESOURCE").get(null));
  }
}
