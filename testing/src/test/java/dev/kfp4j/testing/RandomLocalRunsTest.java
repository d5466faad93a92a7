package dev.kfp4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kfp4j.format.argo.ArgoWriter;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.TaskResult;
import dev.kfp4j.local.Workflow;
import dev.kfp4j.model.Parameter;
import dev.kfp4j.model.Pipeline;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A few of {@link RandomRoundTripTest}'s models run locally from each format's file (their tasks
 * are shell scripts, run without containers): the same tasks run, skip or fail, with the same
 * outputs, whichever file the run read.
 */
class RandomLocalRunsTest {
  @TempDir Path dir;

  static LongStream seeds() {
    return LongStream.range(1, 41);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void bothFormatsRunTheSame(long seed) {
    Pipeline model = RandomModels.pipeline(seed, true);
    Map<String, String> arguments = new LinkedHashMap<>();
    for (Parameter p : model.parameters()) {
      if (p.defaultValue() == null) {
        arguments.put(p.name(), RandomModels.sample(p.type()));
      }
    }
    Map<String, String> argo = run(ArgoWriter.write(model), "argo", arguments);
    Map<String, String> kfp2 = run(Kfp2Writer.write(model), "kfp2", arguments);
    assertEquals(argo, kfp2, "seed " + seed + ": the tasks of a run of each format's file");
  }

  /** Each task of a run of {@code yaml}: its state and outputs, by id. */
  private Map<String, String> run(String yaml, String format, Map<String, String> arguments) {
    LocalRunner runner = LocalRunner.builder().root(dir.resolve(format)).caching(false)
        .console(new PrintStream(OutputStream.nullOutputStream(), true)).progress(false).summary(false).build();
    RunResult r = runner.run(Workflow.parse(yaml, format + ".yaml"), arguments);
    Map<String, String> tasks = new TreeMap<>();
    for (TaskResult t : r.tasks()) { // a chain of branches is a group in KFP 2 only
      String id = t.id().replaceAll("condition-branches-[0-9]+/", "");
      if (!id.matches("(.*/)?condition-branches-[0-9]+")) {
        tasks.put(id, t.state() + " " + new TreeMap<>(t.outputs()));
      }
    }
    return tasks;
  }
}
