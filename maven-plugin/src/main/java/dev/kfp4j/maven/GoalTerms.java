package dev.kfp4j.maven;

import dev.kfp4j.cli.Kfp4j;
import dev.kfp4j.cli.Terms;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code kfp4j} command's {@link Terms} in a Maven user's words: a goal runs the command, whose messages ask this how to
 * name its options and commands, and a Maven user gives the goals and their properties ({@code 'mvn kfp4j:image
 * -Dkfp4j.to=daemon'}, {@code -Dkfp4j.arg}, {@code -Dkfp4j.wait=false}); a usage error says its one line, without the
 * command's synopsis.
 *
 * <p>An option's property is its long name in camel case ({@code --no-cache} is {@code kfp4j.noCache}), but for those in
 * {@link #PROPERTIES}, when the goal declares it (this plugin's descriptor says which it does); an option that is none of its
 * goal's properties is named as the command names it ({@code --classpath}: the goal passes the project's). A command with
 * no goal is named as the command names it too.
 */
final class GoalTerms implements Terms {
  /** The goal of each command whose goal is not named as the command; the others' goals are named as they are. */
  static final Map<String, String> GOALS = Map.of("runs get", "run-get", "runs terminate", "run-terminate", "recurring-runs enable",
      "recurring-run-enable", "recurring-runs disable", "recurring-run-disable", "recurring-runs delete", "recurring-run-delete",
      "pipelines delete-version", "pipeline-version-delete", "experiments archive", "experiment-archive", "pipelines list",
      "list-pipelines", "runs list", "list-runs");

  /** The options whose property is not their long name in camel case, by option (a goal's own first: {@code goal --option}). */
  static final Map<String, String> PROPERTIES = Map.of("--cron-expression", "cron", "--map-image", "mapImages", "--engine-arg",
      "engineArgs", "--no-wait", "wait", "validate --image", "checkImage", "run-once --no-cache", "cache", "schedule --no-cache", "cache",
      "--no-insecure-skip-verify", "insecureSkipVerify");

  /** The properties of each goal, from this plugin's descriptor. */
  private static final Map<String, Set<String>> DECLARED = declared();

  private final String command;

  /** The terms of the goal that runs {@code command}. */
  GoalTerms(String command) {
    this.command = command;
  }

  /** The goal that runs {@code command} ({@code runs get}: {@code run-get}). */
  static String goal(String command) {
    return GOALS.getOrDefault(command, command);
  }

  /** The property {@code goal} takes the option {@code option} (its long name) as, such as {@code noCache}; null if none. */
  static String property(String goal, String option) {
    String property = PROPERTIES.getOrDefault(goal + " " + option, PROPERTIES.get(option));
    if (property == null) {
      property = camel(option.substring(2));
    }
    return DECLARED.getOrDefault(goal, Set.of()).contains(property) ? property : null;
  }

  @Override
  public String option(String name, String value) {
    String option = longName(command, name);
    String property = option == null ? null : property(goal(command), option);
    if (property == null) {
      return COMMAND_LINE.option(name, value);
    }
    boolean negated = option.startsWith("--no-") && property.equals(camel(option.substring(5))); // --no-wait: kfp4j.wait=false
    return "-Dkfp4j." + property + (negated ? "=false" : value == null ? "" : "=" + value);
  }

  @Override
  public String command(String command, String... arguments) {
    String goal = goal(command);
    if (!DECLARED.containsKey(goal)) {
      return COMMAND_LINE.command(command, arguments);
    }
    StringBuilder out = new StringBuilder("mvn kfp4j:" + goal);
    GoalTerms terms = new GoalTerms(command);
    int positional = 0;
    for (int i = 0; i < arguments.length; i++) {
      String a = arguments[i];
      if (a.startsWith("-")) {
        String value = i + 1 < arguments.length && !arguments[i + 1].startsWith("-") ? arguments[++i] : null;
        out.append(' ').append(terms.option(a, value));
      } else {
        String label = Kfp4j.spec(command).positionalParameters().get(positional++).paramLabel(); // HOST, RUN_ID
        out.append(" -Dkfp4j.").append(camel(label.toLowerCase(java.util.Locale.ROOT).replace('_', '-'))).append('=').append(a);
      }
    }
    return out.toString();
  }

  @Override
  public String orGoal(String goal) {
    return ""; // the goal was named
  }

  @Override
  public boolean usage() {
    return false;
  }

  /** The long name of the option of {@code command} a message names {@code name} ({@code -a/--arg}, {@code -o}); null if none. */
  private static String longName(String command, String name) {
    String last = name.substring(name.lastIndexOf('/') + 1);
    if (last.startsWith("--")) {
      return last;
    }
    OptionSpec option = Kfp4j.spec(command).findOption(last);
    return option == null ? null : option.longestName();
  }

  /** {@code no-cache} as {@code noCache}. */
  static String camel(String words) {
    StringBuilder camel = new StringBuilder();
    boolean up = false;
    for (char c : words.toCharArray()) {
      if (c == '-') {
        up = true;
      } else {
        camel.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return camel.toString();
  }

  /** Each goal's properties, {@code ${kfp4j.NAME}} in its descriptor, by goal. */
  private static Map<String, Set<String>> declared() {
    try {
      Enumeration<java.net.URL> descriptors = GoalTerms.class.getClassLoader().getResources("META-INF/maven/plugin.xml");
      while (descriptors.hasMoreElements()) {
        String xml;
        try (InputStream in = descriptors.nextElement().openStream()) {
          xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!xml.contains("<goalPrefix>kfp4j</goalPrefix>")) {
          continue;
        }
        Map<String, Set<String>> declared = new HashMap<>();
        List<String> mojos = List.of(xml.split("<mojo>"));
        for (String mojo : mojos.subList(1, mojos.size())) {
          Matcher goal = Pattern.compile("<goal>([^<]+)</goal>").matcher(mojo);
          if (goal.find()) {
            Set<String> properties = new HashSet<>();
            Matcher p = Pattern.compile("\\$\\{kfp4j\\.(\\w+)}").matcher(mojo);
            while (p.find()) {
              properties.add(p.group(1));
            }
            declared.put(goal.group(1), Set.copyOf(properties));
          }
        }
        return Map.copyOf(declared);
      }
      return Map.of();
    } catch (IOException e) {
      return Map.of(); // the command's words, then: still said
    }
  }
}
