package dev.kfp4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Argument.RunValue.Kind;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.Task;
import dev.kfp4j.yaml.Yaml;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * KFP 2.14's spec of the run's placeholders ({@code critical/pipeline_with_placeholders.py}): each
 * constant that is one of KFP's {@code dsl.PIPELINE_*_PLACEHOLDER}s, which KFP's driver replaces,
 * reads as that value of the run (not as a text the local runner would pass on as is), and is
 * written again as KFP's compiler wrote it, valid against KFP's {@code .proto} files.
 */
class RunPlaceholdersFormatTest {
  @BeforeAll
  static void shared() {
    Shared.root(Shared.KFP_API);
  }

  @Test
  void kfpsRunPlaceholdersReadAsValuesOfTheRunAndWriteBackAsTheyWere() {
    String yaml = Yaml.resource(RunPlaceholdersFormatTest.class, "placeholders/pipeline_with_placeholders.yaml");
    Pipeline p = Kfp2Reader.read(yaml, "pipeline_with_placeholders.yaml");
    Map<String, Argument> args = ((Task) p.node("print-all-placeholders").orElseThrow()).arguments();
    assertEquals(Map.of("job_name", new Argument.RunValue(Kind.RUN_NAME), "job_resource_name", new Argument.RunValue(Kind.RESOURCE_NAME),
        "job_id", new Argument.RunValue(Kind.RUN_ID), "task_name", new Argument.RunValue(Kind.TASK_NAME),
        "task_id", new Argument.RunValue(Kind.TASK_ID)), args);
    String again = Kfp2Writer.write(p);
    assertEquals(List.of(), Kfp2Schemas.errors(again), again);
    assertEquals(Yaml.read(yaml).at("/root/dag/tasks/print-all-placeholders/inputs"),
        Yaml.read(again).at("/root/dag/tasks/print-all-placeholders/inputs"), again);
    assertEquals(again, Kfp2Writer.write(Kfp2Reader.read(again, "again.yaml")));
  }
}
