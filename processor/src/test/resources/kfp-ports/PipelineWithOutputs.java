package ports;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.Format;
import dev.kfp4j.annotations.Out;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.artifacts.Artifact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** KFP's essential/pipeline_with_outputs.py: a called pipeline returning a value and an artifact (a NamedTuple), the caller returning the artifact. */
public final class PipelineWithOutputs {
  private PipelineWithOutputs() {}

  @Component
  public static String printOp1(String msg) {
    System.out.println(msg);
    return msg;
  }

  /** KFP's container component print_op2, written in Java. */
  @Component
  public static void printOp2(String msg, @Out Artifact data) throws IOException {
    Files.writeString(data.path(), msg + "\n");
  }

  public record Outputs(String msg, Path data) {}

  @Pipeline(formats = Format.KFP2)
  public static Outputs innerPipeline(String msg) {
    var task1 = PipelineWithOutputsOps.printOp1(msg);
    var task2 = PipelineWithOutputsOps.printOp2(task1.output());
    return new Outputs(task1.output(), task2.data());
  }

  @Pipeline(name = "pipeline-in-pipeline", formats = Format.KFP2)
  public static Path pipelineWithOutputs(@Default("Hello") String msg) {
    PipelineWithOutputsOps.printOp1(msg);
    var task2 = innerPipeline("world");
    return task2.data();
  }
}
