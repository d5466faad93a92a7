package dev.kfp4j.format.argo;

import dev.kfp4j.format.FormatException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * An Argo DAG task's enhanced {@code depends}: a boolean expression ({@code &&}, {@code ||}, {@code !}, parentheses) over the tasks
 * it waits for, each named alone ({@code a}, which Argo's {@code expandDependency} (workflow/common/ancestry.go) reads as {@code
 * (a.Succeeded || a.Skipped || a.Daemoned)}) or with a result ({@code a.Succeeded}, {@code .Failed}, {@code .Errored}, {@code
 * .Skipped}, {@code .Omitted}, {@code .Daemoned}, and for a loop {@code .AnySucceeded}, {@code .AllFailed}: the results {@code
 * ValidateTaskResults} takes and dag.go's {@code evaluateDependsLogic} sets). kfp4j's model runs a task after each task it waits for
 * either when that one succeeded or was skipped (Argo's plain {@code a}), or whatever happened to it ({@link AfterAll}); a {@code
 * depends} is read when, for every result its tasks can have, it decides as one of those does, and refused otherwise rather than
 * read as something it is not ({@code b.Succeeded} on a task {@code b} with a {@code when} does not run after {@code b} was skipped).
 */
final class Depends {
  /** What a task waited for ended as, as {@code evaluateDependsLogic} sees it: its phase, and its items' for a loop. */
  record Outcome(String phase, boolean anySucceeded, boolean allFailed) {
    String shown(String task) {
      return "'" + task + "' " + (anySucceeded ? "has some item succeeded and " : "") + (allFailed ? "has every item failed and " : "")
          + (phase.equals("Skipped") || phase.equals("Omitted") ? "was " : "") + phase;
    }
  }

  /** How the model waits for a task: after it succeeded or was skipped, or whatever happened to it. */
  enum Wait { PLAIN, ANY }

  private static final List<String> RESULTS =
      List.of("Succeeded", "Failed", "Errored", "Skipped", "Omitted", "Daemoned", "AnySucceeded", "AllFailed");
  private static final Pattern TOKEN = Pattern.compile("\\s*(&&|\\|\\||!|\\(|\\)|[-a-zA-Z0-9]+(?:\\.[A-Za-z]+)?)");
  /** The most tasks one part of a {@code depends} that is not a conjunction of single tasks' terms may name: each result is tried. */
  private static final int MOST_JOINED = 6;

  private interface Expr {
    boolean value(Function<String, Outcome> outcomes);
  }

  private final String text;
  private final String where;
  private final List<String> tokens = new ArrayList<>();
  private int next;
  /** The tasks named, in order. */
  private final Set<String> tasks = new LinkedHashSet<>();

  private Depends(String text, String where) {
    this.text = text;
    this.where = where;
    Matcher m = TOKEN.matcher(text);
    int at = 0;
    while (!text.substring(at).isBlank()) {
      if (!m.find(at) || m.start() != at) {
        throw refused("'" + text.substring(at).strip() + "' is not a task, a task's result, &&, ||, ! or a parenthesis");
      }
      tokens.add(m.group(1));
      at = m.end();
    }
  }

  /** The tasks {@code depends} names, in order; its syntax and results checked. */
  static List<String> tasks(String depends, String where) {
    Depends d = new Depends(depends, where);
    d.parse();
    return new ArrayList<>(d.tasks);
  }

  /**
   * How the model waits for each task {@code depends} names ({@code siblings}: its DAG's tasks by name), or a {@link FormatException}
   * saying where it decides unlike the model.
   */
  static Map<String, Wait> waits(String depends, Map<String, JsonNode> siblings, String where) {
    Depends d = new Depends(depends, where);
    List<Part> conjuncts = d.parse();
    Map<String, Wait> out = new LinkedHashMap<>();
    for (String task : d.tasks) {
      out.put(task, null);
    }
    // conjuncts that share no task decide apart: try each group of those sharing tasks over its tasks' outcomes
    boolean[] done = new boolean[conjuncts.size()];
    for (int i = 0; i < conjuncts.size(); i++) {
      if (done[i]) {
        continue;
      }
      Set<String> group = new LinkedHashSet<>(conjuncts.get(i).tasks());
      List<Expr> parts = new ArrayList<>();
      for (boolean grew = true; grew; ) {
        grew = false;
        for (int j = i; j < conjuncts.size(); j++) {
          if (!done[j] && (j == i || conjuncts.get(j).tasks().stream().anyMatch(group::contains))) {
            done[j] = true;
            parts.add(conjuncts.get(j).expr());
            grew |= group.addAll(conjuncts.get(j).tasks());
          }
        }
      }
      d.decide(group, parts, siblings).forEach(out::put);
    }
    return out;
  }

  private Map<String, Wait> decide(Set<String> group, List<Expr> parts, Map<String, JsonNode> siblings) {
    if (group.size() > MOST_JOINED) {
      throw refused("it joins " + group.size() + " tasks " + group + " by more than &&; kfp4j checks at most " + MOST_JOINED);
    }
    List<String> names = new ArrayList<>(group);
    List<List<Outcome>> each = new ArrayList<>();
    for (String task : names) {
      each.add(outcomes(siblings.get(task)));
    }
    boolean plain = true;
    boolean any = true;
    String plainDiffers = null;
    int[] at = new int[names.size()];
    while (true) {
      Map<String, Outcome> now = new LinkedHashMap<>();
      boolean plainValue = true;
      for (int k = 0; k < names.size(); k++) {
        Outcome o = each.get(k).get(at[k]);
        now.put(names.get(k), o);
        plainValue &= o.phase().equals("Succeeded") || o.phase().equals("Skipped");
      }
      boolean value = parts.stream().allMatch(p -> p.value(now::get));
      any &= value;
      if (value != plainValue && plainDiffers == null) {
        plainDiffers = (value ? "runs it" : "does not run it") + " when " + String.join(" and ",
            now.entrySet().stream().map(e -> e.getValue().shown(e.getKey())).toList());
      }
      plain &= value == plainValue;
      int k = 0;
      while (k < at.length && ++at[k] == each.get(k).size()) {
        at[k++] = 0;
      }
      if (k == at.length) {
        break;
      }
    }
    if (!plain && !any) {
      throw refused("it " + plainDiffers + ", where kfp4j's model runs a task after each task it waits for either when that "
          + "succeeded or was skipped (as a task named alone, such as 'a', waits) or whatever happened to it ((a.Succeeded || "
          + "a.Failed || a.Errored || a.Skipped || a.Omitted)); kfp4j reads a depends that waits so");
    }
    Map<String, Wait> out = new LinkedHashMap<>();
    Wait wait = plain ? Wait.PLAIN : Wait.ANY;
    names.forEach(n -> out.put(n, wait));
    return out;
  }

  /**
   * The outcomes task {@code task} can have locally: Skipped when its {@code when} is false or its list of items empty (a
   * {@code withParam}, or a {@code withItems} of none; a nested DAG is never Skipped: {@code assessDAGPhase}), the items' flags
   * for a loop (a TaskGroup), never Daemoned (no daemon runs).
   */
  private static List<Outcome> outcomes(JsonNode task) {
    boolean loop = task != null && (task.has("withItems") || task.has("withParam") || task.has("withSequence"));
    boolean skips = task != null && (task.has("when") || loop && task.path("withItems").isEmpty());
    List<Outcome> out = new ArrayList<>();
    for (String phase : List.of("Succeeded", "Failed", "Errored", "Skipped", "Omitted")) {
      if (phase.equals("Skipped") && !skips) {
        continue;
      }
      out.add(new Outcome(phase, false, false));
      if (loop && !phase.equals("Skipped") && !phase.equals("Omitted")) {
        out.add(new Outcome(phase, true, false));
        out.add(new Outcome(phase, false, true));
      }
    }
    return out;
  }

  /** The whole text's top-level {@code &&} parts (the text alone when it is not a conjunction). */
  private List<Part> parse() {
    if (tokens.isEmpty()) {
      throw refused("it names no task");
    }
    List<List<Part>> disjuncts = or();
    if (next < tokens.size()) {
      throw refused("'" + tokens.get(next) + "' is out of place");
    }
    return disjuncts.size() == 1 ? disjuncts.get(0) : List.of(Part.or(disjuncts));
  }

  /** An expression and the tasks it names. */
  private record Part(Expr expr, Set<String> tasks) {
    static Part and(List<Part> parts) {
      Set<String> tasks = new LinkedHashSet<>();
      parts.forEach(p -> tasks.addAll(p.tasks()));
      return new Part(o -> parts.stream().allMatch(p -> p.expr().value(o)), tasks);
    }

    static Part or(List<List<Part>> disjuncts) {
      List<Part> ands = disjuncts.stream().map(Part::and).toList();
      Set<String> tasks = new LinkedHashSet<>();
      ands.forEach(p -> tasks.addAll(p.tasks()));
      return new Part(o -> ands.stream().anyMatch(p -> p.expr().value(o)), tasks);
    }
  }

  private List<List<Part>> or() {
    List<List<Part>> out = new ArrayList<>(List.of(and()));
    while (eat("||")) {
      out.add(and());
    }
    return out;
  }

  private List<Part> and() {
    List<Part> out = new ArrayList<>(List.of(unary()));
    while (eat("&&")) {
      out.add(unary());
    }
    return out;
  }

  private Part unary() {
    if (eat("!")) {
      Part p = unary();
      return new Part(o -> !p.expr().value(o), p.tasks());
    }
    if (eat("(")) {
      List<List<Part>> inner = or();
      if (!eat(")")) {
        throw refused("a parenthesis is not closed");
      }
      return inner.size() == 1 ? Part.and(inner.get(0)) : Part.or(inner);
    }
    if (next == tokens.size() || !Character.isLetterOrDigit(tokens.get(next).charAt(0))) {
      throw refused(next == tokens.size() ? "it ends where a task is expected" : "'" + tokens.get(next) + "' is where a task is expected");
    }
    String[] term = tokens.get(next++).split("\\.");
    String task = term[0];
    tasks.add(task);
    if (term.length == 1) {
      return new Part(o -> o.apply(task).phase().equals("Succeeded") || o.apply(task).phase().equals("Skipped"), Set.of(task));
    }
    String result = term[1];
    if (!RESULTS.contains(result)) {
      throw refused("task result '" + result + "' for task '" + task + "' is invalid (Argo takes " + String.join(", ", RESULTS) + ")");
    }
    Expr e = switch (result) {
      case "AnySucceeded" -> o -> o.apply(task).anySucceeded();
      case "AllFailed" -> o -> o.apply(task).allFailed();
      case "Daemoned" -> o -> false; // no daemon runs
      default -> o -> o.apply(task).phase().equals(result);
    };
    return new Part(e, Set.of(task));
  }

  private boolean eat(String token) {
    if (next < tokens.size() && tokens.get(next).equals(token)) {
      next++;
      return true;
    }
    return false;
  }

  private FormatException refused(String why) {
    return new FormatException(where + ": depends '" + text + "': " + why);
  }
}
