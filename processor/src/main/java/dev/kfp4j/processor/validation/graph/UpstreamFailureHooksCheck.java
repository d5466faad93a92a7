package dev.kfp4j.processor.validation.graph;

import dev.kfp4j.processor.base.Format;
import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.base.Reporter;
import dev.kfp4j.processor.graph.Group;
import dev.kfp4j.processor.graph.ImporterBuilder;
import dev.kfp4j.processor.graph.PipelineBuilder;
import dev.kfp4j.processor.graph.SettingCall;
import dev.kfp4j.processor.graph.StepBuilder;
import dev.kfp4j.processor.graph.TaskBuilder;
import dev.kfp4j.processor.graph.VolumeBuilder;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A task run after a failure ({@code ignoreUpstreamFailure()}, {@code triggerPolicy.strategy: ALL_UPSTREAM_TASKS_COMPLETED}) is
 * one that KFP's backend can run as kfp4j means it. Its compiler ({@code DAG} in {@code
 * backend/src/v2/compiler/argocompiler/dag.go}) makes such a task no task of its DAG but an Argo exit hook of each task in its
 * {@code dependentTasks} ({@code taskToExitTemplate[dep]}, one hook a task), none on a loop's task ({@code iteratorTask}), on a
 * volume's {@code createpvc} (which runs no executor) or on an importer ({@code importerTask} in {@code importer.go} takes no
 * exit template). So the task waits for exactly one task or group of its own group, not a loop; no other task waits for it; and
 * no two such tasks wait for the same one.
 */
final class UpstreamFailureHooksCheck implements GraphCheck {
  @Override
  public void check(PipelineBuilder graph, Reporter reporter) {
    if (!graph.pipeline().writes(Format.KFP2)) {
      return; // written for Argo too: an error of its own (UpstreamFailureCheck)
    }
    Map<Group, Map<Object, String>> hooked = new IdentityHashMap<>();
    for (StepBuilder step : graph.steps()) {
      SettingCall call = UpstreamFailureCheck.setting(step);
      if (call == null || !(step instanceof TaskBuilder) || step == graph.exitTask() || graph.handlerExitTask(step)) {
        continue;
      }
      for (StepBuilder other : graph.steps()) {
        if (other != step && other.upstream().contains(step.name())) {
          reporter.error(call.position(), Message.UPSTREAM_FAILURE_WAITED_FOR, step.name(), other.name());
        }
      }
      List<Object> members = members(graph, step);
      List<String> unhooked = unhooked(graph, step);
      if (members.isEmpty() && !unhooked.isEmpty()) {
        reporter.error(call.position(), Message.UPSTREAM_FAILURE_NO_HOOK, step.name(), String.join(", ", unhooked));
      } else if (members.isEmpty()) {
        reporter.error(call.position(), Message.UPSTREAM_FAILURE_NO_UPSTREAM, step.name());
      } else if (members.size() > 1) {
        List<String> names = new ArrayList<>();
        members.forEach(m -> names.add(name(m)));
        reporter.error(call.position(), Message.UPSTREAM_FAILURE_SEVERAL, step.name(), members.size() + " tasks",
            String.join(", ", names));
      } else if (members.get(0) instanceof Group g && g.kind() == Group.Kind.LOOP) {
        reporter.error(call.position(), Message.UPSTREAM_FAILURE_LOOP, step.name(), g.name());
      } else {
        String before = hooked.computeIfAbsent(step.group(), g -> new IdentityHashMap<>()).putIfAbsent(members.get(0), step.name());
        if (before != null) {
          reporter.error(call.position(), Message.UPSTREAM_FAILURE_SHARED, before, step.name(), name(members.get(0)));
        }
      }
    }
  }

  /**
   * The members of {@code step}'s group that it waits for, as its task's {@code dependentTasks} name them: a step of the group,
   * or the group in it holding the step waited for; a volume's step and an importer of the group aside (no hook, {@link
   * #unhooked}), and steps outside the group, which the group's own task waits for.
   */
  private static List<Object> members(PipelineBuilder graph, StepBuilder step) {
    Set<Object> out = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    List<Object> ordered = new ArrayList<>();
    for (String name : new LinkedHashSet<>(step.upstream())) {
      StepBuilder up = graph.step(name);
      if (up == null || up.group() == step.group() && hookless(up)) {
        continue;
      }
      Object member = up.group() == step.group() ? up : null;
      for (Group g = up.group(); member == null && g != null; g = g.parent()) {
        if (g.parent() == step.group()) {
          member = g;
        }
      }
      if (member != null && out.add(member)) {
        ordered.add(member);
      }
    }
    return ordered;
  }

  /** The steps of {@code step}'s own group it waits for that KFP's backend gives no exit hook, as people name them. */
  private static List<String> unhooked(PipelineBuilder graph, StepBuilder step) {
    List<String> out = new ArrayList<>();
    for (String name : new LinkedHashSet<>(step.upstream())) {
      StepBuilder up = graph.step(name);
      if (up != null && up.group() == step.group() && hookless(up)) {
        out.add((up instanceof ImporterBuilder ? "importer '" : "volume '") + up.name() + "'");
      }
    }
    return out;
  }

  /** Whether KFP's compiler puts no exit hook on {@code step}'s task: a volume's {@code createpvc}, an importer. */
  private static boolean hookless(StepBuilder step) {
    return step instanceof VolumeBuilder || step instanceof ImporterBuilder;
  }

  private static String name(Object member) {
    return member instanceof Group g ? g.name() : ((StepBuilder) member).name();
  }
}
