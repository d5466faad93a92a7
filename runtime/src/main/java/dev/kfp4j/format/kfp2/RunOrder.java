package dev.kfp4j.format.kfp2;

import dev.kfp4j.model.Branches;
import dev.kfp4j.model.Condition;
import dev.kfp4j.model.Node;
import dev.kfp4j.model.Predicate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The order {@link DagReader} reads a DAG's tasks in, and puts a chain of branches in: the order
 * they were written, which a spec that holds them by name no longer says.
 */
final class RunOrder {
  private static final Pattern TRAILING_NUMBER = Pattern.compile("([0-9]+)$");

  private RunOrder() {}

  /**
   * The tasks of a DAG in an order they can run in: each after the tasks it depends on, and else in
   * the spec's order. A spec holds a DAG's tasks by name (KFP's compiler and kfp4j's writer sort
   * them), which loses the order the pipeline declared them in; a run lists its tasks in this one.
   * Tasks on a cycle, which {@link SpecChecks} refuses first, would come last, in the spec's order.
   */
  static Map<String, JsonNode> of(JsonNode dagTasks) {
    List<String> names = new ArrayList<>(dagTasks.propertyNames());
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      index.put(names.get(i), i);
    }
    int[] waiting = new int[names.size()];
    Map<String, List<Integer>> dependents = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      for (JsonNode d : dagTasks.get(names.get(i)).path("dependentTasks")) {
        String dep = d.asString("");
        if (index.containsKey(dep) && !dep.equals(names.get(i))) {
          waiting[i]++;
          dependents.computeIfAbsent(dep, k -> new ArrayList<>()).add(i);
        }
      }
    }
    PriorityQueue<Integer> ready = new PriorityQueue<>();
    for (int i = 0; i < names.size(); i++) {
      if (waiting[i] == 0) {
        ready.add(i);
      }
    }
    Map<String, JsonNode> ordered = new LinkedHashMap<>();
    while (!ready.isEmpty()) {
      String name = names.get(ready.poll());
      ordered.put(name, dagTasks.get(name));
      for (int dependent : dependents.getOrDefault(name, List.of())) {
        if (--waiting[dependent] == 0) {
          ready.add(dependent);
        }
      }
    }
    names.forEach(n -> ordered.putIfAbsent(n, dagTasks.get(n)));
    return ordered;
  }

  /**
   * A chain of branches. Branch {@code i} runs when its own predicate holds and no earlier one's
   * did ({@code !(p0) && ... && pi}); an else branch has no predicate of its own ({@code !(p0) && ...}).
   */
  static Node branches(String name, List<Node> body) {
    // in the order of their numbers (condition-2 before condition-13), as they were made, not of the DAG's sorted keys
    body = body.stream().sorted(java.util.Comparator.comparingLong(RunOrder::number).thenComparing(Node::name)).toList();
    List<Condition> branches = new ArrayList<>();
    for (int i = 0; i < body.size(); i++) {
      Condition c = (Condition) body.get(i);
      Predicate own = c.predicate();
      if (i > 0) {
        List<Predicate> parts = own instanceof Predicate.All all ? all.predicates() : List.of(own);
        own = parts.size() == i + 1 ? parts.get(i) : null;
      }
      branches.add(c.withPredicate(own));
    }
    return new Branches(name, branches);
  }

  /** The number a group's name ends with ({@code condition-13}: 13), or -1. */
  private static long number(Node n) {
    Matcher m = TRAILING_NUMBER.matcher(n.name());
    return m.find() && m.group(1).length() < 18 ? Long.parseLong(m.group(1)) : -1;
  }
}
