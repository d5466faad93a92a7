package com.example;

import dev.kfp4j.entrypoint.Entrypoint;
import javax.annotation.processing.Generated;

/**
 * Container entrypoint of the components in {@link Stats}.
 *
 * <p>Usage: {@code java -cp <classpath> com.example.StatsEntrypoint <component> --<input> <value> ... ----output-paths <file>...} (KFP v1),
 * or {@code java -cp <classpath> com.example.StatsEntrypoint <component> --executor_input <json>} (KFP 2)
 */
@Generated("dev.kfp4j.processor.Kfp4jProcessor")
public final class StatsEntrypoint {
  /**
   * One row per component: {@code <component> <method>(<parameter types>) <input>... -> <output>...},
   * then a tab and the first line of its description.
   */
  private static final String[] COMPONENTS = {
    "summarise summarise(java.nio.file.Path,double,java.util.Optional) numbers:inputPath scale?=1.0 label? -> mean count\tSummarises numbers.",
    "write-report report(java.util.List,java.nio.file.Path) values report:outputPath\tWrites a report.",
    "size size(java.util.List) values -> Output\tCounts values.",
    "log log(java.lang.String) message\tLogs a message.",
  };

  private StatsEntrypoint() {
  }

  /**
   * Runs a component and exits with its exit code: 0 done, 1 failed, 2 bad arguments.
   *
   * @param args the component's name, then its arguments, as the class's usage shows
   */
  public static void main(String[] args) {
    int code = run(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  /**
   * Runs a component and returns the exit code, without exiting.
   *
   * @param args the component's name, then its arguments, as the class's usage shows
   * @return the exit code: 0 done, 1 failed, 2 bad arguments
   */
  public static int run(String[] args) {
    return Entrypoint.run("com.example.StatsEntrypoint", args, Stats.class, COMPONENTS);
  }
}
