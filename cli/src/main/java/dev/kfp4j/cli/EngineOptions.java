package dev.kfp4j.cli;

import dev.kfp4j.local.Containers;
import dev.kfp4j.local.WorkflowException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --engine} and {@code --engine-arg}: the container engine of {@code image}, {@code
 * validate --image} and {@code run --containers}, as {@link Containers} finds it: the named
 * program, else {@code KFP4J_ENGINE}, else docker or podman, whichever on the {@code PATH}
 * answers; its global arguments, else those of {@code KFP4J_ENGINE_ARGS}.
 */
final class EngineOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(names = "--engine", paramLabel = "docker|podman|PATH",
      description = "The container engine (default: KFP4J_ENGINE, else docker or podman, whichever on the PATH answers).")
  String engine;

  @Option(names = "--engine-arg", paramLabel = "ARG",
      description = "A global argument of the engine, before its command (such as --runtime, then runc); repeatable. "
          + "Default: KFP4J_ENGINE_ARGS, split at spaces.")
  List<String> engineArgs;

  /** The engine's command once found: finding it asks the engine its version ({@link Containers#command}), once a command. */
  private List<String> found;

  /** The engine's settings, without images to run in place of others. */
  Containers containers() {
    Containers c = Containers.engine(engine);
    return engineArgs == null ? c : c.withEngineArgs(engineArgs);
  }

  /**
   * The engine's command, its program and global arguments; no engine is a usage error that says
   * what to do: install one, or {@code orElse} (what the command can do without one), naming the
   * options in the command's terms ({@code --engine}, a goal's {@code -Dkfp4j.engine}).
   */
  List<String> command(String orElse) {
    if (found == null) {
      try {
        found = List.copyOf(containers().command(orElse, Kfp4j.terms(mixee)::option));
      } catch (WorkflowException e) {
        throw new ConfigException(e.getMessage());
      }
    }
    return new ArrayList<>(found);
  }

  /** Whether any engine option was given. */
  boolean given() {
    return engine != null || engineArgs != null;
  }
}
