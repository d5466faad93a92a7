package dev.kfp4j.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task's inputs of its own, which its component does not declare: KFP's compiler gives a task each pipeline channel an
 * f-string in one of its arguments names ({@code print_op(text=f'Hello {name}')}) as an input {@code pipelinechannel--name},
 * and the argument the text {@code Hello {{$.inputs.parameters['pipelinechannel--name']}}}, which KFP's driver fills in.
 */
public final class Channels {
  /** The prefix of a channel input's name. */
  public static final String PREFIX = "pipelinechannel--";
  /** KFP 2's placeholder of an input's value, {@code {{$.inputs.parameters['name']}}}. */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\$\\.inputs\\.parameters\\['([^']+)'\\]\\}\\}");

  private Channels() {}

  /** KFP 2's placeholder of {@code input}'s value, {@code {{$.inputs.parameters['input']}}}, which KFP's driver fills in. */
  public static String placeholder(String input) {
    return "{{$.inputs.parameters['" + input + "']}}";
  }

  /**
   * The name KFP's compiler gives the item of a loop over constant items, {@code loop}: {@code loop-item-param-N}, numbered just
   * before the loop's group ({@code for-loop-3} has {@code loop-item-param-2}).
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

  /**
   * {@code text} with each input's placeholder ({@code {{$.inputs.parameters['name']}}}) replaced by its value in {@code values},
   * as KFP's driver fills in a channel's; the placeholder of an input {@code values} does not hold is kept.
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
