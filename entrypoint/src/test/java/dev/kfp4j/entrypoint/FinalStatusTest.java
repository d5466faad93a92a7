package dev.kfp4j.entrypoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.artifacts.PipelineTaskFinalStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An exit task's {@link PipelineTaskFinalStatus} input, read in both protocols: KFP 2's struct as
 * KFP's driver writes it (and the snake_case names KFP's executor also reads), KFP v1's {@code
 * {{workflow.status}}} text, or the struct as text.
 */
class FinalStatusTest {
  @TempDir Path dir;
  private final List<PipelineTaskFinalStatus> seen = new ArrayList<>();
  private static final Signature NOTIFY = new Signature("notify", "").value("status");

  private Run run(String... args) {
    return Run.of(in -> seen.add(in.finalStatus("status")), NOTIFY, args);
  }

  private Run kfp2(String status) {
    return run("notify", "--executor_input", """
        {"inputs": {"parameterValues": {"status": %s}}, "outputs": {"outputFile": "%s"}}"""
        .formatted(status, dir.resolve("out/executor_output.json")));
  }

  @Test
  void kfp2GivesKfpsStruct() {
    // as KFP's driver writes it: protojson of PipelineTaskFinalStatus, an empty error on success
    Run ok = kfp2("{\"state\": \"SUCCEEDED\", \"pipelineJobResourceName\": \"projects/p/locations/l/pipelineJobs/j\", "
        + "\"pipelineTaskName\": \"exit-handler-1\", \"error\": {}}");
    assertEquals(0, ok.code(), ok.err());
    assertEquals(new PipelineTaskFinalStatus("SUCCEEDED", "projects/p/locations/l/pipelineJobs/j", "exit-handler-1", null, null),
        seen.get(0));
    assertTrue(seen.get(0).succeeded());
    Run failed = kfp2("{\"state\": \"FAILED\", \"pipeline_job_resource_name\": \"run-1\", \"pipeline_task_name\": \"exit-handler-1\", "
        + "\"error\": {\"code\": 9.0, \"message\": \"task 'train' failed\"}}");
    assertEquals(0, failed.code(), failed.err());
    assertEquals(new PipelineTaskFinalStatus("FAILED", "run-1", "exit-handler-1", 9, "task 'train' failed"), seen.get(1));
    assertTrue(seen.get(1).failed());
    // KFP's open-source backend names the state of the group's execution: COMPLETE is success
    kfp2("{\"state\": \"COMPLETE\", \"pipelineTaskName\": \"exit-handler-1\"}");
    assertTrue(seen.get(2).succeeded());
  }

  @Test
  void kfpV1GivesArgosText() {
    for (String phase : List.of("Succeeded", "Failed", "Error")) {
      Run r = run("notify", "--status", phase);
      assertEquals(0, r.code(), r.err());
    }
    assertEquals(PipelineTaskFinalStatus.of("SUCCEEDED"), seen.get(0));
    assertEquals(PipelineTaskFinalStatus.of("FAILED"), seen.get(1));
    assertEquals("FAILED", seen.get(2).state());
    assertTrue(seen.get(2).errorMessage().contains("Error"), seen.get(2).errorMessage());
    Run json = run("notify", "--status", "{\"state\": \"SUCCEEDED\", \"pipelineTaskName\": \"exit-handler-1\", \"error\": {}}");
    assertEquals(0, json.code(), json.err());
    assertEquals("exit-handler-1", seen.get(3).pipelineTaskName());
  }

  @Test
  void aValueThatIsNoStatusIsExitTwoNamingTheInput() {
    Run r = kfp2("\"SUCCEEDED\"");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("inputs.parameterValues['status']: expected KFP's PipelineTaskFinalStatus"), r.err());
    assertFalse(seen.size() > 0);
  }
}
