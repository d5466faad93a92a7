package dev.kfp4j.processor.javac;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreePath;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.processor.base.Format;
import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.graph.GraphCall;
import dev.kfp4j.processor.graph.Group;
import dev.kfp4j.processor.graph.ImporterBuilder;
import dev.kfp4j.processor.graph.ResourceBuilder;
import dev.kfp4j.processor.graph.SettingCall;
import dev.kfp4j.processor.graph.StepBuilder;
import dev.kfp4j.processor.graph.TaskHandle;
import dev.kfp4j.processor.graph.Use;
import dev.kfp4j.processor.graph.VolumeBuilder;
import java.util.List;
import javax.lang.model.element.ExecutableElement;

/**
 * Reads the settings called on a task. Each is made by calling the same {@code dev.kfp4j.dsl.Task}
 * method with the call's constants ({@link DslSettings}), so a setting the DSL gains is read with
 * no change here, and its record's checks run at compile time. {@code after} and {@code
 * mountVolume} take tasks, and a resource step's own methods fill the step: those are read here.
 */
final class SettingReader {
  private final Body body;
  private final DslSettings dsl = new DslSettings();
  /**
   * The settings a call of a KFP 2 pipeline file's op takes besides {@code after}: those KFP takes on the task of a loaded
   * pipeline ({@code set_display_name}, {@code set_caching_options}), written on the call's task in KFP 2.
   */
  private static final java.util.Set<String> CALL_SETTINGS = java.util.Set.of("displayName", "caching", "cacheKey");

  SettingReader(Body body) {
    this.body = body;
  }

  void read(TaskHandle task, MethodInvocationTree call, TreePath path, ExecutableElement method) {
    String name = method.getSimpleName().toString();
    List<? extends ExpressionTree> args = call.getArguments();
    if (name.equals("after")) {
      after(task, args, path);
      return;
    }
    if (task instanceof GraphCall) {
      body.error(call, Message.GRAPH_CALL_SETTING, name, task.name());
      return;
    }
    if (task instanceof dev.kfp4j.processor.graph.TaskBuilder t && t.pipelineCall() != null && !CALL_SETTINGS.contains(name)) {
      body.error(call, Message.PIPELINE_CALL_SETTING, name, task.name(), t.pipelineCall().file());
      return;
    }
    StepBuilder step = (StepBuilder) task;
    if (name.equals("mountVolume")) {
      mountVolume(step, call, path);
      return;
    }
    if (Syntax.declaredIn(method, Syntax.IMPORTER_TASK)) {
      if (!body.importers.setting((ImporterBuilder) step, call, path, name)) {
        body.error(call, Message.NOT_A_SETTING, name);
      }
      return;
    }
    Object[] values = new Object[args.size()];
    java.util.Set<Integer> fromRun = new java.util.TreeSet<>();
    for (int i = 0; i < args.size(); i++) {
      ExpressionTree a = args.get(i);
      TreePath argPath = new TreePath(path, a);
      values[i] = body.constants.value(a, argPath);
      if (values[i] == null) {
        if (body.erroneous(argPath)) {
          return;
        }
        if (!FromRunSettings.takes(name, i) || !Syntax.declaredIn(method, Syntax.TASK)) {
          body.error(a, Message.SETTING_NOT_CONSTANT, name, a);
          return;
        }
        fromRun.add(i);
      }
    }
    if (name.equals("mountPvc") && values.length == 3 && values[2] instanceof String subPath
        && TaskSetting.PvcMount.whyBadSubPath(subPath) != null) { // said on the sub-path, which the cluster would refuse
      body.error(args.get(2), Message.SETTING_REJECTED, TaskSetting.PvcMount.whyBadSubPath(subPath));
      return;
    }
    if (!fromRun.isEmpty()) {
      fromRun(step, call, path, name, values, fromRun);
      return;
    }
    if (Syntax.isVolumeSetting(method) && values[0] instanceof Boolean unique) {
      ((VolumeBuilder) step).uniqueName(unique);
      return;
    }
    if (Syntax.declaredIn(method, Syntax.RESOURCE_TASK)) {
      if (!resourceSetting((ResourceBuilder) step, name, values)) {
        body.error(call, Message.NOT_A_SETTING, name);
      }
      return;
    }
    try {
      List<TaskSetting> made = dsl.make(method, values);
      if (made.isEmpty()) {
        body.error(call, Message.NOT_A_SETTING, name);
      }
      String why = whyRejected(step, made);
      if (why != null) {
        body.error(call, Message.SETTING_REJECTED, name + "(" + String.join(", ", call.getArguments().stream().map(Object::toString)
            .toList()) + "): " + why);
        return;
      }
      made.forEach(s -> step.setting(new SettingCall(s, name, body.at(call))));
    } catch (IllegalArgumentException e) {
      body.error(call, Message.SETTING_REJECTED, e.getMessage());
    } catch (NoSuchMethodException e) {
      body.error(call, Message.UNKNOWN_SETTING, name);
    }
  }

  /**
   * Why the step cannot take the settings a call made, beyond what their records check: a constant image that is no image
   * reference (a pod would fail with {@code InvalidImageName}, as {@code @Component(image)} is checked), a second security
   * context (both formats hold one a container); null when it can.
   */
  private static String whyRejected(StepBuilder step, List<TaskSetting> made) {
    for (TaskSetting s : made) {
      if (s instanceof TaskSetting.ContainerImage c && c.image() instanceof Argument.Constant k) {
        String why = dev.kfp4j.processor.base.ImageReference.whyInvalid(k.text());
        if (why != null) {
          return "it is not a container image reference: " + why + "; write for example \"registry.example.com/team/trainer:2\"";
        }
      }
      if (s instanceof dev.kfp4j.model.PodSetting.SecurityContext && step.settings().stream()
          .anyMatch(c -> c.setting() instanceof dev.kfp4j.model.PodSetting.SecurityContext)) {
        return "task '" + step.name() + "' has a security context already; set it once, with every field it needs, such as "
            + "securityContext(1000, 100, true)";
      }
    }
    return null;
  }

  /**
   * A setting a pipeline parameter or a task's output gives when the task runs ({@code cpuLimit(cpu)}, {@code mountPvc(claim,
   * "/mnt")}, {@code envFromSecret("PASS", secret, "password")}), as KFP's {@code set_cpu_limit(cpu)} and kfp-kubernetes'
   * {@code mount_pvc(t, pvc_name=p)}: KFP 2 only but for a secret's or config map's name; {@code values} are the call's
   * constants, null at {@code fromRun}.
   */
  private void fromRun(StepBuilder step, MethodInvocationTree call, TreePath path, String name, Object[] values,
      java.util.Set<Integer> fromRun) {
    Argument[] given = new Argument[values.length];
    for (int i : fromRun) {
      ExpressionTree a = call.getArguments().get(i);
      Argument value = body.arguments.read(a, new TreePath(path, a), step.group());
      if (value == null) {
        return;
      }
      if (!(value instanceof Argument.PipelineParameter) && !(value instanceof Argument.TaskOutput)) {
        body.error(a, Message.SETTING_NOT_FROM_RUN, name, a);
        return;
      }
      if (body.graph.pipeline().writes(Format.ARGO) && !FromRunSettings.inArgo(name)) {
        body.error(call, Message.ARGO_SETTING_FROM_RUN, name, a);
        return;
      }
      given[i] = value;
    }
    for (int i : fromRun) {
      if (given[i] instanceof Argument.TaskOutput o) {
        ExpressionTree a = call.getArguments().get(i);
        body.graph.use(new Use(body.graph.step(o.task()), o.output(), step.group(), body.at(a)));
      }
    }
    try {
      step.setting(new SettingCall(FromRunSettings.make(name, values, given), name, body.at(call)));
    } catch (IllegalArgumentException e) {
      body.error(call, Message.SETTING_REJECTED, e.getMessage());
    }
  }

  /**
   * {@code after(u, v)}: waits for each of those tasks (a graph call: for each of its tasks); {@code after(loop)}, for
   * every step of loop {@code var loop = Dsl.forEach(...)}, which the formats write as a wait for the loop's group.
   */
  private void after(TaskHandle task, List<? extends ExpressionTree> args, TreePath path) {
    for (ExpressionTree a : args) {
      TreePath at = Syntax.unwrap(new TreePath(path, a));
      Group loop = Syntax.unwrap(a) instanceof IdentifierTree ? body.loops.get(body.trees.getElement(at)) : null;
      if (loop != null) {
        afterLoop(task, loop, a);
        continue;
      }
      if (Syntax.unwrap(a) instanceof MethodInvocationTree mi && body.trees.getElement(at) instanceof ExecutableElement m
          && Syntax.isForEach(m)) {
        body.error(a, Message.LOOP_AFTER_NOT_A_VARIABLE);
        continue;
      }
      TaskHandle other = body.tasks.read(a, new TreePath(path, a), task.group());
      if (other == null) {
        continue;
      }
      StepBuilder itself = other.steps().stream().filter(task.steps()::contains).findFirst().orElse(null);
      if (itself != null) {
        body.error(a, Message.CYCLE, itself.name() + " -> " + itself.name());
        continue;
      }
      body.graph.use(new Use(other, null, task.group(), body.at(a)));
      for (StepBuilder target : task.steps()) {
        for (StepBuilder upstream : other.steps()) {
          target.after(upstream.name());
        }
      }
    }
  }

  /**
   * {@code after(loop)}: {@code task} waits for every step of {@code loop}, each iteration of it, as KFP's {@code .after(t)}
   * on a task of a {@code dsl.ParallelFor} ({@code dependentTasks: [for-loop-N]}); the formats write the wait for the group
   * of the loop that encloses those steps beside {@code task}, as they read KFP's. A task inside the loop: a cycle.
   */
  private void afterLoop(TaskHandle task, Group loop, ExpressionTree at) {
    if (task.group().within(loop)) {
      body.error(at, Message.LOOP_AFTER_INSIDE, loop.name(), at, at);
      return;
    }
    for (StepBuilder target : task.steps()) {
      for (StepBuilder upstream : body.graph.steps(loop)) {
        target.after(upstream.name());
      }
    }
  }

  /** {@code mountVolume(volume, path)}: mounts the claim a volume step made, so reads its name. */
  private void mountVolume(StepBuilder step, MethodInvocationTree call, TreePath path) {
    ExpressionTree volumeTree = call.getArguments().get(0);
    ExpressionTree pathTree = call.getArguments().get(1);
    TaskHandle volume = body.tasks.read(volumeTree, new TreePath(path, volumeTree), step.group());
    Object mountPath = body.constants.value(pathTree, new TreePath(path, pathTree));
    if (volume == null) {
      return;
    }
    if (!(mountPath instanceof String p)) {
      body.error(pathTree, Message.SETTING_NOT_CONSTANT, "mountVolume", pathTree);
      return;
    }
    body.graph.use(new Use(volume, "name", step.group(), body.at(volumeTree)));
    try {
      step.setting(new SettingCall(new TaskSetting.VolumeMount(((VolumeBuilder) volume).name(), p), "mountVolume", body.at(call)));
    } catch (IllegalArgumentException e) {
      body.error(call, Message.SETTING_REJECTED, e.getMessage());
    }
  }

  /** A resource step's own settings: when it succeeds or fails, and the outputs read from the resource; false for another method. */
  private static boolean resourceSetting(ResourceBuilder step, String name, Object[] values) {
    switch (name) {
      case "successCondition":
        step.successCondition(values[0].toString());
        return true;
      case "failureCondition":
        step.failureCondition(values[0].toString());
        return true;
      case "attributeOutput":
        step.attributeOutput(values[0].toString(), values[1].toString());
        return true;
      default:
        return false;
    }
  }
}
