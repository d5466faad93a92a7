package dev.kfp4j.format.argo;

import dev.kfp4j.model.Argument;
import dev.kfp4j.model.PodSetting;
import dev.kfp4j.model.TaskSetting;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets and config maps a pipeline parameter or task output names when the task runs, in Argo: the
 * template takes the name as an input of its own, {@code k8s-name-1}, {@code k8s-name-2}, ... in the
 * order of the task's settings, and names the secret {@code {{inputs.parameters.k8s-name-1}}}, which
 * Argo substitutes; the DAG task gives the input the value. KFP 2's {@code secretNameParameter}.
 */
final class RunNames {
  private RunNames() {}

  private static final String PREFIX = "k8s-name-";
  private static final Pattern NAME = Pattern.compile("\\{\\{inputs\\.parameters\\.(" + PREFIX + "\\d+)}}");
  /** Where a setting read from a template stands for the value its DAG task gives input {@code k8s-name-N}, until that is read. */
  private static final String MARK = "\0" + PREFIX;

  /** Whether {@code s} names its secret or config map by a value the task gets when it runs. */
  static boolean named(TaskSetting s) {
    return s instanceof PodSetting.EnvFrom e && !(e.object() instanceof Argument.Constant)
        || s instanceof PodSetting.VolumeFrom v && !(v.object() instanceof Argument.Constant);
  }

  /** The template inputs of {@code settings}' names from the run, by input name, with the value each takes. */
  static Map<String, Argument> inputs(List<TaskSetting> settings) {
    Map<String, Argument> out = new LinkedHashMap<>();
    for (TaskSetting s : settings) {
      if (named(s)) {
        out.put(input(out.size() + 1), dev.kfp4j.model.Nodes.fromRun(s).get(0));
      }
    }
    return out;
  }

  /** The {@code n}th such input's name. */
  static String input(int n) {
    return PREFIX + n;
  }

  /** For a name written as {@code {{inputs.parameters.k8s-name-N}}}: the argument that stands for it until its value is read, else null. */
  static Argument mark(String name) {
    Matcher m = NAME.matcher(name);
    return m.matches() ? new Argument.PipelineParameter(MARK + m.group(1).substring(PREFIX.length())) : null;
  }

  /** Whether {@code input} of a template is such an input. */
  static boolean isInput(String input) {
    return input.startsWith(PREFIX) && ArgumentTexts.digits(input, PREFIX.length());
  }

  /**
   * {@code s} with the value {@code given} gives its input in place of its mark; a constant name as a setting of a constant
   * name ({@link TaskSetting.SecretEnv}, ...); {@code s} itself when it has no mark.
   */
  static TaskSetting resolve(TaskSetting s, Map<String, Argument> given) {
    Argument object = s instanceof PodSetting.EnvFrom e ? e.object() : s instanceof PodSetting.VolumeFrom v ? v.object() : null;
    if (!(object instanceof Argument.PipelineParameter p) || !p.name().startsWith(MARK)) {
      return s;
    }
    String input = input(Integer.parseInt(p.name().substring(MARK.length())));
    Argument a = given.get(input);
    if (a == null) {
      throw new IllegalArgumentException("its secret or config map is named by input '" + input + "', which the task is not given");
    }
    if (a instanceof Argument.Constant c) {
      return PodSetting.named(s, c.text());
    }
    return s instanceof PodSetting.EnvFrom e ? new PodSetting.EnvFrom(e.source(), e.name(), a, e.key(), e.optional())
        : new PodSetting.VolumeFrom(((PodSetting.VolumeFrom) s).source(), a, ((PodSetting.VolumeFrom) s).mountPath(),
            ((PodSetting.VolumeFrom) s).optional());
  }
}
