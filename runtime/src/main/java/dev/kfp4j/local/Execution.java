package dev.kfp4j.local;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * One run of a workflow, start to end: puts the runner's parts together (plan, scheduler,
 * launchers, cache, record, progress), runs the main graph and then the exit handler, and always
 * ends the record, stops what it started and prints the summary.
 */
final class Execution {
  private final LocalRunner runner;
  private final Workflow workflow;
  private final Path runDir;
  private final String runId;
  private final RunRecord record;
  private final PreviousRun previous;
  private final Map<String, String> parameters;
  /** The run's status its tasks may read: Running, then the main graph's phase (Succeeded, Failed, Error) while the exit handler runs. */
  private volatile String status = "Running";

  Execution(LocalRunner runner, Workflow workflow, Map<String, String> parameters, Path runDir, String runId, RunRecord record,
      PreviousRun previous) {
    this.runner = runner;
    this.workflow = workflow;
    this.parameters = parameters;
    this.runDir = runDir;
    this.runId = runId;
    this.record = record;
    this.previous = previous;
  }

  RunResult run() {
    ThreadGroup threads = ExitWatch.runStarted(runId); // the threads a task starts are the run's too
    ExecutorService pool = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(threads, r, "kfp4j-task");
      t.setDaemon(true);
      return t;
    });
    Progress progress = new Progress(runner.console(), runner.showProgress(), workflow.name());
    Results results = new Results(record, progress, runDir);
    ProcessGroups groups = new ProcessGroups();
    List<String> classpath = runner.classpath();
    Launchers launchers = new Launchers(new InProcessLauncher(classpath, runner.classLoader(), "kfp4j-run-" + runId, pool),
        new SubprocessLauncher(groups), classpath, JavaStart.of(RunPaths.inside(runner.root(), ".cache", "java"), classpath));
    ContainerLauncher containers = runner.containers() == null ? null
        : new ContainerLauncher(runner.engine(), runner.containers(), runId, new SubprocessLauncher(groups), record,
            runner.options());
    Path volumes = RunPaths.inside(runner.root(), "volumes");
    Plan plan = new ModelPlan(workflow.pipeline(), parameters, new RunValues(runId, workflow.name() + "-" + runId, record.createdAt(), () -> status,
        workflow.format().equals("kfp2")),
        new TaskSteps(volumes, workflow.pipeline().settings().workspace() == null ? null : RunPaths.inside(runDir, "workspace"),
            runner.javaMode(), workflow.outputNames(), workflow.filesKept(), workflow.missingOutputs(), workflow.templateOutputs(),
            workflow.format().equals("kfp2")), runDir, workflow.stepGroups(),
        workflow.loopWhens());
    TaskCache cache = runner.caching() ? new TaskCache(RunPaths.inside(runner.root(), ".cache"), classpath,
        workflow.format().equals("kfp2") ? "pipeline/" + workflow.name() : "") : null;
    StepRunner steps = new StepRunner(previous, record, cache, containers != null ? containers : launchers, results, progress,
        new Semaphore(runner.parallelism()),
        runner.logs() ? runner.console() : null, runner.logBounds(), workflow.format().equals("kfp2"), runner.options());
    Prestarts prestarts = containers == null && ProcessGroups.supported()
        ? launchers.prestarts(runner.parallelism(), pool) : null;
    Scheduler scheduler = new Scheduler(plan, steps, results, pool, prestarts,
        workflow.format().equals("kfp2") ? TaskResult.State.Failed : TaskResult.State.Error);
    TaskResult.State phase = TaskResult.State.Failed;
    Map<String, String> outputs = Map.of();
    java.io.UncheckedIOException unwritten = null;
    // Ctrl-C or a kill ends the JVM, not the run: its record says so, and it says how to complete it (not when a component's
    // System.exit did it: ExitWatch)
    Thread stopped = new Thread(null, () -> {
      if (!ExitWatch.componentExits()) {
        try {
          record.interrupted();
        } catch (java.io.UncheckedIOException e) {
          // run.json stays as last written: the local UI shows the run interrupted once its lock is free
        }
        System.err.println("kfp4j: the run " + runId + " was stopped before it ended; complete it with --resume " + runDir);
      }
    }, "kfp4j-stopped", 0, false);
    Runtime.getRuntime().addShutdownHook(stopped);
    try {
      Scope main = plan.mainScope();
      phase = scheduler.run(plan.main(), main, TaskId.MAIN);
      outputs = plan.outputs(main);
      status = phase.name();
      Plan.Graph exit = plan.exitHandler();
      if (exit != null) {
        // The exit handler runs whatever happened, as Argo's onExit; failing, it fails a run that succeeded (operator.go)
        TaskResult.State exited = scheduler.run(exit, new Scope(Map.of(), Map.of()), TaskId.EXIT);
        phase = phase.ok() ? exited : phase;
      }
    } finally {
      if (containers != null) {
        containers.close();
      }
      if (prestarts != null) {
        prestarts.close();
      }
      groups.close();
      pool.shutdownNow();
      ExitWatch.runEnded(threads);
      try {
        launchers.close();
      } catch (IOException e) {
        // the run's class loader is gone with the run
      }
      try {
        record.done(phase, outputs);
      } catch (java.io.UncheckedIOException e) {
        unwritten = e; // said once the summary is printed: what ran is worth showing
      }
      progress.finish();
      try {
        Runtime.getRuntime().removeShutdownHook(stopped);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is ending: the hook says so
      }
    }
    RunResult result = new RunResult(workflow.name(), runId, phase, runDir, results.inOrder(), outputs);
    Console.summary(runner.console(), result, runner.showProgress() || runner.summary());
    if (unwritten != null) {
      throw unwritten;
    }
    return result;
  }
}
