package dev.kfp4j.processor.graph;

import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Step;
import dev.kfp4j.model.TaskSetting;
import dev.kfp4j.processor.base.Position;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A step being read: its arguments, what it waits for and its settings, each with where it is written. */
public abstract sealed class StepBuilder implements TaskHandle permits TaskBuilder, VolumeBuilder, ResourceBuilder, ImporterBuilder {
  private final String name;
  private final Group group;
  private final Position position;
  final Arguments arguments = new Arguments();
  final Set<String> after = new LinkedHashSet<>();
  final List<SettingCall> settings = new ArrayList<>();

  StepBuilder(String name, Group group, Position position) {
    this.name = name;
    this.group = group;
    this.position = position;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Group group() {
    return group;
  }

  @Override
  public Position position() {
    return position;
  }

  @Override
  public List<StepBuilder> steps() {
    return List.of(this);
  }

  /** The arguments given to the step. */
  public Arguments arguments() {
    return arguments;
  }

  /** Runs this step after step {@code step}. */
  public void after(String step) {
    after.add(step);
  }

  public void setting(SettingCall call) {
    settings.add(call);
  }

  public List<SettingCall> settings() {
    return Collections.unmodifiableList(settings);
  }

  /** The steps this one waits for: those named in {@code after}, those it reads from, the volumes it mounts. */
  public Set<String> upstream() {
    Set<String> out = new LinkedHashSet<>(after);
    for (Argument a : arguments.values().values()) {
      if (a instanceof Argument.TaskOutput o) {
        out.add(o.task());
      } else if (a instanceof Argument.Collected c) {
        out.add(c.task());
      } else if (a instanceof Argument.OneOf o) {
        o.outputs().forEach(x -> out.add(x.task()));
      }
    }
    for (SettingCall s : settings) {
      if (s.setting() instanceof TaskSetting.VolumeMount m) {
        out.add(m.volume());
      }
    }
    out.remove(name);
    return out;
  }

  /** Whether a step of this kind has output {@code output}. */
  public abstract boolean hasOutput(String output);

  abstract Step build();

  List<TaskSetting> builtSettings() {
    List<TaskSetting> out = new ArrayList<>();
    settings.forEach(s -> out.add(s.setting()));
    return out;
  }
}
