package dev.kfp4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.yaml.Yaml;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * KFP's {@code dsl.ExitHandler(exit_task, name='my-pipeline')}: KFP's compiler writes the name as the display name
 * ({@code taskInfo.name}) of the exit handler's group task, keyed {@code exit-handler-1}. kfp4j read such a spec but
 * wrote it back with {@code exit-handler-1} as the display name: the name was lost.
 */
class ExitHandlerNameFormatTest {
  @BeforeAll
  static void shared() {
    Shared.root(Shared.KFP_PROTOS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"pipeline_with_task_final_status.yaml", "pipeline_with_task_final_status_yaml.yaml"})
  void kfpsSpecsAreWrittenAgainAsKfpWroteThem(String file) {
    String yaml = Yaml.resource(ExitHandlerNameFormatTest.class, "exitname/" + file);
    Pipeline p = Kfp2Reader.read(yaml, file);
    assertEquals("my-pipeline", p.exitHandlerName());
    String again = Kfp2Writer.write(p);
    assertEquals(List.of(), Kfp2Schemas.errors(again), again);
    JsonNode kfp = Yaml.readAll(yaml).get(0);
    JsonNode ours = Yaml.readAll(again).get(0);
    assertEquals("my-pipeline", ours.at("/root/dag/tasks/exit-handler-1/taskInfo/name").asString(), again);
    for (String part : List.of("components", "root", "deploymentSpec")) { // as protobuf reads them: a number 9 is 9.0
      assertEquals(Kfp2Schemas.parse(Kfp2Schemas.PIPELINE_SPEC, Yaml.object().set(part, kfp.get(part)).toString()),
          Kfp2Schemas.parse(Kfp2Schemas.PIPELINE_SPEC, Yaml.object().set(part, ours.get(part)).toString()), file + " " + part
          + " written again:\n" + again);
    }
    assertEquals(again, Kfp2Writer.write(Kfp2Reader.read(again, "again.yaml")));
  }

  @Test
  void aPipelineAsExitTaskKeepsItsExitHandlersName() {
    String yaml = Yaml.resource(ExitHandlerNameFormatTest.class, "exitpipeline/pipeline_as_exit_task.yaml");
    Pipeline p = Kfp2Reader.read(yaml, "pipeline_as_exit_task.yaml");
    assertEquals("my-pipeline", p.exitHandlerName());
    String again = Kfp2Writer.write(p);
    assertEquals(List.of(), Kfp2Schemas.errors(again), again);
    assertEquals(Yaml.read(yaml).at("/root/dag/tasks/exit-handler-1"), Yaml.read(again).at("/root/dag/tasks/exit-handler-1"), again);
  }

  @Test
  void anExitHandlerShowingItsKeyHasNoNameOfItsOwn() {
    String yaml = Yaml.resource(ExitHandlerNameFormatTest.class, "exitname/pipeline_with_task_final_status.yaml")
        .replace("          name: my-pipeline\n", "          name: exit-handler-1\n");
    Pipeline p = Kfp2Reader.read(yaml, "unnamed.yaml");
    assertNull(p.exitHandlerName());
    assertEquals("exit-handler-1", Yaml.read(Kfp2Writer.write(p)).at("/root/dag/tasks/exit-handler-1/taskInfo/name").asString());
  }

  @Test
  void aBlankNameIsRefused() {
    String yaml = Yaml.resource(ExitHandlerNameFormatTest.class, "exitname/pipeline_with_task_final_status.yaml")
        .replace("          name: my-pipeline\n", "          name: ' '\n");
    FormatException e = assertThrows(FormatException.class, () -> Kfp2Reader.read(yaml, "blank.yaml"));
    assertEquals("blank.yaml: pipeline 'pipeline-with-task-final-status': the exit handler's name is blank; give a name or none (null)",
        e.getMessage());
  }
}
