package dev.kfp4j.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The run-management commands a build uses, as goals: list pipelines and runs, check a run a build
 * started, switch a schedule off or on when a new one replaces it, and clean up versions and
 * experiments. Each runs the command of the same words ({@code kfp4j:run-get} is {@code kfp4j runs
 * get}).
 */
final class ManageGoals {
  private ManageGoals() {}

  /** Lists the pipelines on the server. */
  @Mojo(name = "list-pipelines", requiresProject = false, threadSafe = true)
  public static final class ListPipelinesMojo extends ServerMojo {
    public ListPipelinesMojo() {
      super("list-pipelines");
    }

    /** At most this many (default 50). */
    @Parameter(property = "kfp4j.limit")
    Integer limit;

    @Override
    List<String> goalArguments() {
      List<String> args = new ArrayList<>();
      option(args, "--limit", limit);
      return args;
    }
  }

  /** Lists runs, of an experiment or all. */
  @Mojo(name = "list-runs", requiresProject = false, threadSafe = true)
  public static final class ListRunsMojo extends ServerMojo {
    public ListRunsMojo() {
      super("list-runs");
    }

    @Parameter(property = "kfp4j.experiment")
    String experiment;

    /** At most this many (default 20). */
    @Parameter(property = "kfp4j.limit")
    Integer limit;

    @Override
    List<String> goalArguments() {
      List<String> args = new ArrayList<>();
      option(args, "--experiment", experiment);
      option(args, "--limit", limit);
      return args;
    }
  }

  /** A goal on one run. */
  abstract static class RunMojo extends ServerMojo {
    RunMojo(String command) {
      super(command);
    }

    /** The run's id. */
    @Parameter(property = "kfp4j.runId", required = true)
    String runId;

    @Override
    List<String> goalArguments() {
      return runId == null ? new ArrayList<>() : new ArrayList<>(List.of(runId));
    }
  }

  /** Shows a run and each of its tasks' state, pod and outputs: {@code mvn kfp4j:run-get -Dkfp4j.runId=...}. */
  @Mojo(name = "run-get", requiresProject = false, threadSafe = true)
  public static final class RunGetMojo extends RunMojo {
    public RunGetMojo() {
      super("runs get");
    }
  }

  /** Stops a run. */
  @Mojo(name = "run-terminate", requiresProject = false, threadSafe = true)
  public static final class RunTerminateMojo extends RunMojo {
    public RunTerminateMojo() {
      super("runs terminate");
    }
  }

  /** A goal on one recurring run. */
  abstract static class RecurringRunMojo extends ServerMojo {
    RecurringRunMojo(String command) {
      super(command);
    }

    /** The recurring run's id. */
    @Parameter(property = "kfp4j.recurringRunId", required = true)
    String recurringRunId;

    @Override
    List<String> goalArguments() {
      return recurringRunId == null ? new ArrayList<>() : new ArrayList<>(List.of(recurringRunId));
    }
  }

  /** Switches a recurring run on. */
  @Mojo(name = "recurring-run-enable", requiresProject = false, threadSafe = true)
  public static final class RecurringRunEnableMojo extends RecurringRunMojo {
    public RecurringRunEnableMojo() {
      super("recurring-runs enable");
    }
  }

  /** Switches a recurring run off. */
  @Mojo(name = "recurring-run-disable", requiresProject = false, threadSafe = true)
  public static final class RecurringRunDisableMojo extends RecurringRunMojo {
    public RecurringRunDisableMojo() {
      super("recurring-runs disable");
    }
  }

  /** Deletes a recurring run. */
  @Mojo(name = "recurring-run-delete", requiresProject = false, threadSafe = true)
  public static final class RecurringRunDeleteMojo extends RecurringRunMojo {
    public RecurringRunDeleteMojo() {
      super("recurring-runs delete");
    }
  }

  /** Deletes a version of a pipeline: {@code -Dkfp4j.pipeline=NAME -Dkfp4j.versionId=ID}. */
  @Mojo(name = "pipeline-version-delete", requiresProject = false, threadSafe = true)
  public static final class PipelineVersionDeleteMojo extends ServerMojo {
    public PipelineVersionDeleteMojo() {
      super("pipelines delete-version");
    }

    /** The pipeline's name or id. */
    @Parameter(property = "kfp4j.pipeline", required = true)
    String pipeline;

    /** The version's id. */
    @Parameter(property = "kfp4j.versionId", required = true)
    String versionId;

    @Override
    List<String> goalArguments() {
      List<String> args = new ArrayList<>();
      if (pipeline != null) {
        args.add(pipeline);
      }
      if (versionId != null) {
        args.add(versionId);
      }
      return args;
    }
  }

  /** Archives an experiment (its name or id), with its runs. */
  @Mojo(name = "experiment-archive", requiresProject = false, threadSafe = true)
  public static final class ExperimentArchiveMojo extends ServerMojo {
    public ExperimentArchiveMojo() {
      super("experiments archive");
    }

    /** The experiment's name or id. */
    @Parameter(property = "kfp4j.experiment", required = true)
    String experiment;

    @Override
    List<String> goalArguments() {
      return experiment == null ? new ArrayList<>() : new ArrayList<>(List.of(experiment));
    }
  }
}
