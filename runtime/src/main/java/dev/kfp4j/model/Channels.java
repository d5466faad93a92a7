package dev.kfp4j.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task's inputs of its own, which its component does not declare: KFP's compiler gives a task each pipeline channel an
 * f-string in one of its arguments names ({@code print_op(text=f'Hello {name}')}) as an input {@code pipelinechannel--name},
 * and the argument the text {@code Hello {{$.inputs.parameters['pipelinechannel--name']}}}, which KFP's launcher fills in; KFP's
 * driver passes the executor every input of the task, these too ({@link #ownInputs}, which also has a setting's).
 */
public final class Channels {
  /** The prefix of a channel input's name. */
  public static final String PREFIX = "pipelinechannel--";
  /** KFP 2's placeholder of an input's value, {@code {{$.inputs.parameters['name']}}}. */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\$\\.inputs\\.parameters\\['([^']+)'\\]\\}\\}");

  private Channels() {}

  /** KFP 2's placeholder of {@code input}'s value, {@code {{$.inputs.parameters['input']}}}, which KFP's launcher fills in. */
  public static String placeholder(String input) {
    return "{{$.inputs.parameters['" + input + "']}}";
  }

  /**
   * The name KFP's compilers give the item of a loop over constant items, {@code loop}: {@code loop-item-param-N}, the number
   * the item takes just before the loop's group ({@code for-loop-3} has {@code loop-item-param-2}: a loop over constants takes
   * two numbers, as the processor numbers them).
   */
  public static String loopItemParam(String loop) {
    String digits = loop.replaceAll("^.*?(\\d*)$", "$1");
    return "loop-item-param-" + (digits.isEmpty() ? loop : Long.toString(Long.parseLong(digits) - 1));
  }

  /** Whether {@code input} of {@code task}, not one of its component's, is a channel an f-string of another argument reads. */
  public static boolean isChannel(Task task, String input) {
    return input.startsWith(PREFIX) && task.component().input(input).isEmpty();
  }

  /** The task's channel inputs, by name. */
  public static Map<String, Argument> of(Task task) {
    Map<String, Argument> out = new LinkedHashMap<>();
    task.arguments().forEach((k, v) -> {
      if (isChannel(task, k)) {
        out.put(k, v);
      }
    });
    return out;
  }

  /** The task input KFP's SDK gives the placeholder of an image the run gives ({@code pipeline_spec_builder}'s {@code base_image}). */
  public static final String BASE_IMAGE = "base_image";
  /** The task input KFP's SDK gives the placeholder of an accelerator's type the run gives ({@code set_accelerator_type(t)}). */
  public static final String ACCELERATOR_TYPE = "accelerator_type";
  /** The task input KFP's SDK gives the placeholder of an accelerator count the run gives ({@code set_accelerator_limit(n)}). */
  public static final String ACCELERATOR_COUNT = "accelerator_count";

  /** KFP's SDK's name of a resource setting, under which a task takes its placeholder when the run gives it: {@code cpu_limit}. */
  public static String settingField(TaskSetting.Resource.Kind kind) {
    return kind.resource() + (kind.isLimit() ? "_limit" : "_request");
  }

  /**
   * The task input that takes the value of a setting the run gives ({@code set_cpu_limit(cpu)}), as KFP's compiler names it:
   * {@code pipelinechannel--cpu} for a pipeline parameter, {@code pipelinechannel--<task>-<output>} for a task's output.
   */
  public static String settingChannel(Argument a) {
    return PREFIX + (a instanceof Argument.TaskOutput o ? o.task() + "-" + o.output() : ((Argument.PipelineParameter) a).name());
  }

  /**
   * Every input KFP's compiler gives {@code task} beyond its component's, by name, each of which KFP's driver passes its executor
   * (a KFP 2 spec's task inputs): the channels its f-strings read ({@link #of}), and for each setting whose value the run gives
   * ({@code set_cpu_limit(cpu)}, {@code set_accelerator_type(t)}, {@code set_container_image(img)}) the setting's field
   * ({@code cpu_limit}, {@code accelerator_type}, {@link #BASE_IMAGE}), the constant placeholder of its channel, and that channel
   * ({@link #settingChannel}).
   */
  public static Map<String, Argument> ownInputs(Task task) {
    Map<String, Argument> out = of(task);
    for (TaskSetting s : task.settings()) {
      if (s instanceof TaskSetting.ResourceFrom r) {
        setting(out, settingField(r.kind()), r.quantity());
      } else if (s instanceof TaskSetting.AcceleratorFrom a) {
        setting(out, ACCELERATOR_TYPE, a.type());
        setting(out, ACCELERATOR_COUNT, a.count());
      } else if (s instanceof TaskSetting.ContainerImage i) {
        setting(out, BASE_IMAGE, i.image());
      }
    }
    return out;
  }

  private static void setting(Map<String, Argument> out, String field, Argument value) {
    if (!(value instanceof Argument.Constant)) {
      out.put(field, Argument.Constant.of(placeholder(settingChannel(value))));
      out.put(settingChannel(value), value);
    }
  }

  /**
   * {@code text} with each input's placeholder ({@code {{$.inputs.parameters['name']}}}) replaced by its value in {@code values},
   * as KFP's launcher fills in a channel's; the placeholder of an input {@code values} does not hold is kept.
   */
  public static String fill(String text, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String v = values.get(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(v != null ? v : m.group()));
    }
    m.appendTail(out);
    return out.toString();
  }
}
