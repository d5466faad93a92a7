package dev.kfp4j.maven;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code kfp4j} command's words in a Maven user's terms. A goal runs the command, whose messages name its commands and
 * options ({@code 'kfp4j image --to daemon'}, {@code (-a/--arg)}, {@code --wait}); a Maven user gives the goals and their
 * properties ({@code 'mvn kfp4j:image -Dkfp4j.to=daemon'}, {@code (-Dkfp4j.arg)}, {@code -Dkfp4j.wait}). Each line a goal
 * passes on from the command goes through {@link #say}; the command's own output is unchanged.
 *
 * <p>An option's property is its name in camel case ({@code --no-cache} is {@code -Dkfp4j.noCache}), but for those in
 * {@link #PROPERTIES}; an option that is no goal's property ({@link #NO_PROPERTY}, or no option of the command) stays as it
 * is. The plugin's tests check that every option a goal passes to the command is named by one of the goal's properties.
 */
final class MavenTerms {
  /** The goal of each command whose goal is not named as the command; a command with no goal stays as it is. */
  static final Map<String, String> GOALS = Map.of("runs get", "run-get", "runs terminate", "run-terminate", "recurring-runs enable",
      "recurring-run-enable", "recurring-runs disable", "recurring-run-disable", "recurring-runs delete", "recurring-run-delete",
      "pipelines delete-version", "pipeline-version-delete", "experiments archive", "experiment-archive", "pipelines list",
      "list-pipelines", "runs list", "list-runs");

  /** The commands that have a goal of the same name. */
  static final Set<String> SAME_NAME = Set.of("run", "validate", "upload-pipeline", "run-once", "schedule", "list-pipelines",
      "list-runs", "init", "ui", "graph", "image");

  /** The commands, two words first, as a regular expression. */
  private static final String COMMAND = commandPattern();

  /** The options whose property is not their name in camel case, by option (a goal's own first: {@code goal --option}). */
  static final Map<String, String> PROPERTIES = Map.of("--cron-expression", "cron", "--map-image", "mapImages", "--engine-arg",
      "engineArgs", "--no-wait", "wait", "validate --image", "checkImage");

  /** The options a goal passes that no property gives: the project's class path and name, the pom's headers. */
  static final Set<String> NO_PROPERTY = Set.of("--classpath", "--name", "--header");

  /**
   * The goals' properties, from this plugin's descriptor: an option is named by one only when it is one, so that what is not
   * the command's ('--executor_input' in a task's error) stays as it is.
   */
  static final Set<String> KNOWN = known();

  /** The properties of each command's arguments that are not options, in order ({@code kfp4j init <host>}). */
  static final Map<String, List<String>> POSITIONAL = Map.of("init", List.of("host"), "runs get", List.of("runId"), "runs terminate",
      List.of("runId"), "graph", List.of("pipeline"), "experiments archive", List.of("experiment"), "pipelines delete-version",
      List.of("pipeline", "versionId"), "recurring-runs enable", List.of("recurringRunId"), "recurring-runs disable",
      List.of("recurringRunId"), "recurring-runs delete", List.of("recurringRunId"));

  /** Words after an option in a sentence that are not its value ({@code --limit is 0}, {@code --force to overwrite it}). */
  private static final Set<String> PROSE = Set.of("is", "are", "was", "names", "runs", "or", "and", "to", "for", "of", "if", "in",
      "with", "not", "the", "a", "an", "on", "at", "then", "takes", "creates", "needs", "writes", "says", "submits", "prints");

  /** An option, with its short name before it ({@code -a/--arg}). */
  private static final Pattern OPTION = Pattern.compile("(?<![\\w-])(?:-[a-zA-Z]/)?(--[a-z][a-z0-9-]*)(?![\\w-])(=?)");

  /** A command in quotes, with its arguments: {@code 'kfp4j image --to daemon'}, or {@code 'run-once --argo'}. */
  private static final Pattern QUOTED = Pattern.compile("'(kfp4j )?(" + COMMAND + ")((?: [^']*)?)'");

  /** A command named in a sentence: {@code upload it first: kfp4j upload-pipeline}. */
  private static final Pattern NAMED = Pattern.compile("(?<![\\w.:/-])kfp4j (" + COMMAND + ")(?![\\w-])");

  private final String goal;

  /** The terms of the goal that runs {@code command}. */
  MavenTerms(String command) {
    this.goal = goal(command);
  }

  /** The goal that runs {@code command} ({@code runs get}: {@code run-get}). */
  static String goal(String command) {
    return GOALS.getOrDefault(command, command);
  }

  /** The property {@code option} is given with in {@code goal}, such as {@code noCache}; null if none. */
  static String property(String goal, String option) {
    String own = PROPERTIES.get(goal + " " + option);
    if (own != null) {
      return own;
    }
    if (!option.startsWith("--")) {
      return null;
    }
    String named = PROPERTIES.get(option);
    if (named != null) {
      return named;
    }
    StringBuilder camel = new StringBuilder();
    boolean up = false;
    for (char c : option.substring(2).toCharArray()) {
      if (c == '-') {
        up = true;
      } else {
        camel.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return KNOWN.contains(camel.toString()) ? camel.toString() : null;
  }

  private static Set<String> known() {
    try {
      var descriptors = MavenTerms.class.getClassLoader().getResources("META-INF/maven/plugin.xml");
      while (descriptors.hasMoreElements()) {
        String xml;
        try (var in = descriptors.nextElement().openStream()) {
          xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        if (xml.contains("<goalPrefix>kfp4j</goalPrefix>")) {
          Set<String> known = new java.util.HashSet<>();
          Matcher m = Pattern.compile("\\$\\{kfp4j\\.(\\w+)}").matcher(xml);
          while (m.find()) {
            known.add(m.group(1));
          }
          return Set.copyOf(known);
        }
      }
      return Set.of();
    } catch (java.io.IOException e) {
      return Set.of(); // the command's words, then: still said
    }
  }

  /** {@code line}, as the command said it, in this goal's terms. */
  String say(String line) {
    StringBuilder out = new StringBuilder();
    Matcher quoted = QUOTED.matcher(line);
    int at = 0;
    while (quoted.find()) {
      String args = quoted.group(3);
      if (quoted.group(1) == null && !args.startsWith(" -")) {
        continue; // a word in quotes, not a command: 'run' alone may be a pipeline's name
      }
      out.append(sentence(line.substring(at, quoted.start()))).append('\'').append(command(quoted.group(2), args)).append('\'');
      at = quoted.end();
    }
    out.append(sentence(line.substring(at)));
    // the command's "'kfp4j image' (or mvn kfp4j:image)" says the goal twice now
    return out.toString().replaceAll("'(mvn kfp4j:[a-z-]+)' \\(or \\1\\)", "'$1'");
  }

  /** {@code mvn kfp4j:GOAL -Dkfp4j.NAME=VALUE ...} for {@code kfp4j COMMAND ARGS}. */
  private static String command(String command, String args) {
    String goal = goal(command);
    StringBuilder out = new StringBuilder("mvn kfp4j:" + goal);
    List<String> positional = new ArrayList<>(POSITIONAL.getOrDefault(command, List.of()));
    String[] words = args.strip().isEmpty() ? new String[0] : args.strip().split(" ");
    for (int i = 0; i < words.length; i++) {
      String w = words[i];
      String option = w.startsWith("--") ? w.replaceFirst("=.*", "") : null;
      String property = option == null ? null : property(goal, option);
      if (option != null && property == null) {
        out.append(' ').append(w);
      } else if (option != null) {
        String value = w.contains("=") ? w.substring(w.indexOf('=') + 1)
            : i + 1 < words.length && !words[i + 1].startsWith("-") ? words[++i] : null;
        out.append(" -Dkfp4j.").append(property).append(option.equals("--no-wait") ? "=false" : value == null ? "" : "=" + value);
      } else if (!positional.isEmpty()) {
        out.append(" -Dkfp4j.").append(positional.remove(0)).append('=').append(w);
      } else {
        out.append(' ').append(w);
      }
    }
    return out.toString();
  }

  /** A sentence's commands and options, outside any quoted command. */
  private String sentence(String text) {
    String commands = NAMED.matcher(text).replaceAll(m -> Matcher.quoteReplacement("mvn kfp4j:" + goal(m.group(1))));
    StringBuilder out = new StringBuilder();
    Matcher m = OPTION.matcher(commands);
    int at = 0;
    while (m.find()) {
      String property = property(goal, m.group(1));
      if (property == null) {
        continue;
      }
      out.append(commands, at, m.start()).append("-Dkfp4j.").append(property);
      at = m.end();
      if (m.group(1).equals("--no-wait")) {
        out.append("=false");
      } else if (!m.group(2).isEmpty()) {
        out.append('='); // --format=kfp2
      } else {
        Matcher value = VALUE.matcher(commands).region(at, commands.length());
        if (value.lookingAt() && !PROSE.contains(value.group(1))) {
          out.append('=').append(value.group(1)); // --pipeline FILE, --every 1h, --every '2 days'
          at = value.end();
        }
      }
    }
    return out.append(commands.substring(at)).toString();
  }

  /** A value after an option: a word, or words in quotes, up to a space or the end of a clause. */
  private static final Pattern VALUE = Pattern.compile(" ('[^']*'|[\\w<\"][^\\s,;)]*?)(?=[\\s,;)]|[.:]?$|[.:]\\s)");

  private static String commandPattern() {
    List<String> all = new ArrayList<>(GOALS.keySet());
    all.addAll(SAME_NAME);
    all.sort(Comparator.comparingInt(String::length).reversed()); // 'run-once' before 'run'
    return String.join("|", all.stream().map(Pattern::quote).toList());
  }
}
