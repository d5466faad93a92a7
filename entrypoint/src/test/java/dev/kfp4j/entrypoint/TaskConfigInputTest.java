package dev.kfp4j.entrypoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.artifacts.TaskConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A component's {@link TaskConfig} input (KFP 2's {@code dsl.TaskConfig}): the struct KFP's driver gives in the executor
 * input (its fields null when not passed through, {@code resources} then {@code {}}), or none, which gives an empty one,
 * as KFP's executor does.
 */
class TaskConfigInputTest {
  @TempDir Path dir;
  private final List<TaskConfig> seen = new ArrayList<>();
  private static final Signature LAUNCH = new Signature("launch", "").optionalValue("config", null); // as the generated table has it: config?

  private Run kfp2(String parameterValues) {
    return Run.of(in -> seen.add(in.taskConfig("config")), LAUNCH, "launch", "--executor_input", """
        {"inputs": {"parameterValues": %s}, "outputs": {"outputFile": "%s"}}"""
        .formatted(parameterValues, dir.resolve("out/executor_output.json")));
  }

  @Test
  void kfp2GivesTheDriversStruct() {
    // as KFP's driver marshals its TaskConfig: every field, null when not passed through
    Run r = kfp2("{\"config\": {\"affinity\": null, \"tolerations\": null, \"nodeSelector\": {\"pool\": \"gpu\"}, "
        + "\"env\": [{\"name\": \"A\", \"value\": \"1\"}], \"volumes\": null, \"volumeMounts\": null, "
        + "\"resources\": {\"limits\": {\"cpu\": \"2\"}}}}");
    assertEquals(0, r.code(), r.err());
    TaskConfig c = seen.get(0);
    assertEquals(Map.of("pool", "gpu"), c.nodeSelector());
    assertEquals(List.of(Map.of("name", "A", "value", "1")), c.env());
    assertEquals(Map.of("limits", Map.of("cpu", "2")), c.resources());
    assertNull(c.affinity());
    assertNull(c.volumes());
    assertEquals("{\"nodeSelector\": {\"pool\": \"gpu\"}, \"env\": [{\"name\": \"A\", \"value\": \"1\"}], "
        + "\"resources\": {\"limits\": {\"cpu\": \"2\"}}}", c.toJson());
  }

  @Test
  void noneGivenIsAnEmptyConfig() {
    Run r = kfp2("{}");
    assertEquals(0, r.code(), r.err());
    assertEquals(TaskConfig.empty(), seen.get(0));
    assertEquals("{}", seen.get(0).toJson());
    Run v1 = Run.of(in -> seen.add(in.taskConfig("config")), LAUNCH, "launch");
    assertEquals(0, v1.code(), v1.err());
    assertEquals(TaskConfig.empty(), seen.get(1));
  }

  @Test
  void aFieldOfTheWrongShapeIsExitTwoNamingTheInput() {
    Run r = kfp2("{\"config\": {\"env\": {\"A\": \"1\"}}}");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("inputs.parameterValues['config']: TaskConfig's 'env' is {A=1}, not a JSON array"), r.err());
  }
}
