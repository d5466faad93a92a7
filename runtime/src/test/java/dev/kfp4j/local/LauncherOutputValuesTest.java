package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An output file of a task of a KFP 2 file gives the value KFP's launcher reads from it ({@code metadata.TextToPbValue}):
 * a number, a boolean or JSON without the white space around it, so {@code echo $((a + b)) > "$out"} (KFP's
 * {@code container_if_loop.py}) gives {@code 5}, and a {@code STRING} the text as it is, its newline kept. Before, a local
 * run showed the number as the file held it, {@code 5\n}: in the summary, {@code run.json}, {@code RunResult.output} and the
 * pipeline's outputs, where KFP shows {@code 5}.
 */
class LauncherOutputValuesTest {
  @TempDir Path dir;

  static final String SPEC = """
      components:
        comp-write:
          executorLabel: exec-write
          outputDefinitions:
            parameters:
              b:
                parameterType: BOOLEAN
              d:
                parameterType: NUMBER_DOUBLE
              l:
                parameterType: LIST
              n:
                parameterType: NUMBER_INTEGER
              s:
                parameterType: STRING
      deploymentSpec:
        executors:
          exec-write:
            container:
              command:
              - sh
              - -c
              - for f in "$@"; do mkdir -p "$(dirname "$f")"; done; echo true > "$0"; echo ' 0.5' > "$1"; echo '[1, 2]' > "$2"; echo 5 > "$3"; echo hi > "$4"
              - '{{$.outputs.parameters[''b''].output_file}}'
              - '{{$.outputs.parameters[''d''].output_file}}'
              - '{{$.outputs.parameters[''l''].output_file}}'
              - '{{$.outputs.parameters[''n''].output_file}}'
              - '{{$.outputs.parameters[''s''].output_file}}'
              image: alpine:3
      pipelineInfo:
        name: output-values
      root:
        dag:
          outputs:
            parameters:
              n:
                valueFromParameter:
                  outputParameterKey: n
                  producerSubtask: write
              s:
                valueFromParameter:
                  outputParameterKey: s
                  producerSubtask: write
          tasks:
            write:
              componentRef:
                name: comp-write
              taskInfo:
                name: write
        outputDefinitions:
          parameters:
            n:
              parameterType: NUMBER_INTEGER
            s:
              parameterType: STRING
      schemaVersion: 2.1.0
      sdkVersion: kfp-2.17.0
      """;

  @Test
  void aNumberBooleanOrListIsItsValueAndATextKeepsItsNewline() throws Exception {
    RunResult r = LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(OutputStream.nullOutputStream(), true)).build()
        .run(Workflow.parse(SPEC, "output-values.yaml"), Map.of());
    assertTrue(r.succeeded(), () -> String.valueOf(r.failedTask()));
    assertEquals(Map.of("b", "true", "d", "0.5", "l", "[1, 2]", "n", "5", "s", "hi\n"), r.task("write").orElseThrow().outputs());
    assertEquals(Map.of("n", "5", "s", "hi\n"), r.outputs());
    String record = Files.readString(r.runDir().resolve("run.json"));
    assertTrue(record.contains("\"n\" : \"5\","), record);
    assertTrue(record.contains("\"s\" : \"hi\\n\""), record);
  }
}
