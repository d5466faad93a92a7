package com.example;

import dev.kfp4j.entrypoint.Entrypoint;
import dev.kfp4j.entrypoint.Invocation;
import dev.kfp4j.entrypoint.Signature;
import dev.kfp4j.entrypoint.TypeToken;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.processing.Generated;

/**
 * Container entrypoint of the components in {@link Stats}.
 *
 * <p>Usage: {@code java -cp <classpath> com.example.StatsEntrypoint <component> --<input> <value> ... ----output-paths <file>...} (KFP v1),
 * or {@code java -cp <classpath> com.example.StatsEntrypoint <component> --executor_input <json>} (KFP 2)
 */
@Generated("dev.kfp4j.processor.Kfp4jProcessor")
public final class StatsEntrypoint implements Entrypoint.Handler {
  private static final Signature SUMMARISE = Signature.of("summarise", "Summarises numbers.", "numbers:inputPath scale? label? -> mean count")
      .defaultText("scale", "1.0");

  private static final Signature WRITE_REPORT = Signature.of("write-report", "Writes a report.", "values report:outputPath");

  private static final Signature SIZE = Signature.of("size", "Counts values.", "values -> Output");

  private static final Signature LOG = Signature.of("log", "Logs a message.", "message");

  private StatsEntrypoint() {
  }

  /**
   * Runs a component and exits with its exit code: 0 done, 1 failed, 2 bad arguments.
   */
  public static void main(String[] args) {
    int code = run(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  /**
   * Runs a component and returns the exit code, without exiting.
   */
  public static int run(String[] args) {
    return Entrypoint.run("com.example.StatsEntrypoint", args, new StatsEntrypoint(), SUMMARISE, WRITE_REPORT, SIZE, LOG);
  }

  @Override
  public void call(Invocation in) throws Exception {
    switch (in.component()) {
      case "summarise": {
        Stats.Summary result = Objects.requireNonNull(Stats.summarise(in.path("numbers"),
            in.doubleValue("scale"),
            in.has("label") ? Optional.of(in.string("label")) : Optional.<String>empty()), "summarise returned null; return a com.example.Stats.Summary");
        in.doubleOutput("mean", result.mean());
        in.longOutput("count", result.count());
        return;
      }
      case "write-report":
        Stats.report(in.json("values", new TypeToken<List<String>>() {}), in.outputPath("report"));
        return;
      case "size":
        in.longOutput("Output", Stats.size(in.json("values", new TypeToken<List<String>>() {})));
        return;
      case "log":
        Stats.log(in.string("message"));
        return;
      default:
        throw new IllegalArgumentException("unknown component " + in.component());
    }
  }
}
