package dev.kfp4j.local;

import dev.kfp4j.entrypoint.FileErrors;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.RunSetting;
import dev.kfp4j.model.Task;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.InputSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A task's {@link Step} in a run of the model ({@link ModelPlan}): each input of its component given what the task passes,
 * as a value or a file (an artifact, a list of them, a raw artifact's text), what KFP's driver makes of it in a KFP 2 run
 * ({@link DriverInputTypes}), a status to a task after failures, the default of one the task leaves out; then the step
 * {@link TaskSteps} makes of them.
 */
final class TaskStepMaker {
  private final Pipeline pipeline;
  private final ArgumentValues values;
  private final GivenStatuses statuses;
  private final OwnInputs ownInputs;
  private final DriverInputTypes driverTypes; // what KFP's driver makes of a value given to an input (KFP 2)
  private final TaskSteps steps;
  private final TaskFolders folders;
  private final boolean kfp2;

  /** {@code components}: each task's component, by the task's name; {@code kfp2}: whether the pipeline is a KFP 2 spec's. */
  TaskStepMaker(Pipeline pipeline, ArgumentValues values, Map<String, ComponentSpec> components, TaskSteps steps,
      TaskFolders folders, boolean kfp2) {
    this.pipeline = pipeline;
    this.values = values;
    this.statuses = new GivenStatuses(pipeline, values, kfp2);
    this.ownInputs = new OwnInputs(pipeline, components, kfp2);
    this.driverTypes = new DriverInputTypes(pipeline);
    this.steps = steps;
    this.folders = folders;
    this.kfp2 = kfp2;
  }

  /** A task's step: its inputs given as the component takes them (values, or files), defaults filled in. */
  Step step(Task task, Scope scope, TaskId id) {
    String where = "task '" + task.name() + "'";
    Path dir = folders.of(id.id());
    Map<String, String> given = new LinkedHashMap<>();
    Map<String, Path> files = new LinkedHashMap<>();
    Map<String, OutputArtifact> artifacts = new LinkedHashMap<>();
    boolean afterFailure = RunSetting.afterFailure(task) && task != pipeline.exitTask();
    Task run = GivenSettings.of(task, values, scope, where);
    List<dev.kfp4j.spec.TaskConfigs.Passthrough> passthroughs = dev.kfp4j.spec.TaskConfigs.of(task.component());
    for (InputSpec in : task.component().inputs()) {
      String n = in.name();
      Argument a = task.arguments().get(n);
      if (dev.kfp4j.spec.TaskConfigs.isTaskConfig(in) && a == null) { // KFP 2's dsl.TaskConfig, as KFP's driver fills it
        given.put(n, TaskConfigValues.json(run, passthroughs));
        continue;
      }
      if (afterFailure && a instanceof Argument.TaskOutput o && scope.result(o.task()) == null) {
        a = null; // a task run after a failure: what a failed task did not give takes the input's default, as on KFP
      }
      String status = Argument.RunValue.isStatus(a)
          && task != pipeline.exitTask() ? statuses.of(task, afterFailure, scope) : null;
      if (status != null) {
        given.put(n, status);
        continue;
      }
      boolean artifact = task.component().inputIsArtifact(n);
      String text = null;
      if (a != null && in.isArtifactList()) {
        if (!(a instanceof Argument.Collected c)) {
          throw new WorkflowException(where + " gives input '" + n + "', which takes a list of artifacts, " + a
              + "; give it the artifacts a loop collects");
        }
        List<OutputArtifact> list = values.files(c, scope);
        for (int i = 0; i < list.size(); i++) {
          files.put(TaskSteps.listItem(n, i), list.get(i).path());
          artifacts.put(TaskSteps.listItem(n, i), list.get(i));
        }
        continue;
      }
      if (a != null && artifact) {
        OutputArtifact file = values.file(a, scope);
        if (file != null) {
          files.put(n, file.path());
          artifacts.put(n, file);
          continue;
        }
      }
      if (a != null) {
        text = values.input(a, in, scope, where + " input '" + n + "'", task.name(), id.id());
        text = kfp2 && text != null ? driverTypes.given(a, in, text, where, scope) : text;
      }
      if (text == null) { // not given by the task: what KFP's driver gives it (an old SDK's default, not), else the default
        text = kfp2 && task.arguments().get(n) == null ? driverTypes.notGiven(in, where) : in.defaultValue();
      }
      if (text == null) {
        if (!in.optional()) {
          throw new WorkflowException(where + " gives no value for input '" + n + "' of component '" + task.component().name() + "'");
        }
        continue;
      }
      if (artifact) {
        Path raw = RunPaths.inside(dir, "inputs", n, "data");
        write(raw, n, text);
        files.put(n, raw);
      } else {
        given.put(n, text);
      }
    }
    OwnInputs.Given own = ownInputs.of(task, values, scope, where);
    if (!own.channels().isEmpty()) { // KFP's f-strings of pipeline channels, filled in as KFP's launcher does
      given.replaceAll((n, text) -> dev.kfp4j.model.Channels.fill(text, own.channels()));
    }
    return steps.step(TaskConfigValues.onTask(run, passthroughs), given, files, artifacts, own.executorInput(), id, dir);
  }

  /** Writes raw artifact {@code name}'s file {@code p}; one that cannot be (a file in the way, a full disk) fails the task, saying why. */
  private static void write(Path p, String name, String text) {
    try {
      Files.createDirectories(p.getParent());
      Files.writeString(p, text);
    } catch (IOException e) {
      throw new WorkflowException("cannot write its input artifact '" + name + "': " + FileErrors.why(e));
    }
  }
}
