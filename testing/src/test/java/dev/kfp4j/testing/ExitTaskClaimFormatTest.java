package dev.kfp4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.Task;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.model.VolumeStep;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ContainerSpec;
import dev.kfp4j.spec.InputSpec;
import dev.kfp4j.spec.Placeholder;
import dev.kfp4j.spec.TypeSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A claim of a fixed name made in the exit handler's body and mounted by the exit task (the runtime's ExitTaskClaimTest): the
 * file, its claim kept with no deletepvc, parses strictly as KFP's {@code .proto} messages.
 */
class ExitTaskClaimFormatTest {
  @Test
  void theFileKeepingTheClaimIsAValidPipelineSpec() {
    Shared.root(Shared.KFP_PROTOS);
    ComponentSpec echo = new ComponentSpec("echo", null, null, null, List.of(new InputSpec("msg", TypeSpec.named("String"), null,
        null, false)), List.of(), new ContainerSpec("alpine:3", List.of(new Placeholder.Literal("echo")),
        List.of(new Placeholder.InputValue("msg")), null, null), null);
    TaskSetting mount = new TaskSetting.PvcMount("shared-data", "/mnt/shared");
    Task write = new Task("write", echo, Map.of("msg", Argument.Constant.of("w")), List.of("shared-data"), List.of(mount));
    Task read = new Task("read", echo, Map.of("msg", Argument.Constant.of("r")), List.of(), List.of(mount));
    VolumeStep claim = new VolumeStep("shared-data", "shared-data", Argument.Constant.of("1Gi"), "ReadWriteOnce", "", List.of(),
        List.of(), VolumeStep.Deletion.afterMounts("shared-data"), false);
    String yaml = Kfp2Writer.write(new Pipeline("exit-claim", null, List.of(), List.of(claim, write), read,
        PipelineSettings.DEFAULTS, null));
    assertFalse(yaml.contains("deletepvc"), yaml);
    assertEquals(List.of(), Kfp2Schemas.errors(yaml), yaml);
  }
}
