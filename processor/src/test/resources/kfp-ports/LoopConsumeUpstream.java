package ports;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Format;
import dev.kfp4j.annotations.Out;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.artifacts.Artifact;
import dev.kfp4j.dsl.Dsl;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;

/** KFP's parallel_and_nested/loop_consume_upstream.py: a loop over a task's list, an artifact between two tasks of an iteration, display names. */
public final class LoopConsumeUpstream {
  private LoopConsumeUpstream() {}

  @Component
  public static List<String> splitInput(String input) {
    return Arrays.asList(input.split(","));
  }

  @Component
  public static void createFile(@Out Artifact file, String content) throws IOException {
    Files.writeString(file.path(), content);
  }

  @Component
  public static String readFile(Artifact file) throws IOException {
    return Files.readString(file.path());
  }

  @Component
  public static void printInput(List<String> input) {
    input.forEach(item -> System.out.println("Input item: " + item));
  }

  @Pipeline(name = "loop-consume-upstream", displayName = "Loop Consume Upstream", formats = Format.KFP2)
  public static void loopConsumeUpstream() {
    var split = LoopConsumeUpstreamOps.splitInput("component1,component2,component3").caching(false).displayName("same display name");
    Dsl.forEach(split.output(), model_id -> {
      var create = LoopConsumeUpstreamOps.createFile(model_id).caching(false).displayName("same display name");
      LoopConsumeUpstreamOps.readFile(create.file()).caching(false).displayName("same display name");
    });
    LoopConsumeUpstreamOps.printInput(split.output()).caching(false).displayName("same display name");
  }
}
