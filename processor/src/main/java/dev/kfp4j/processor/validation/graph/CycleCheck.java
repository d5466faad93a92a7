package dev.kfp4j.processor.validation.graph;

import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.base.Reporter;
import dev.kfp4j.processor.graph.PipelineBuilder;
import dev.kfp4j.processor.graph.StepBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * No step waits for itself through others ({@code after} can close a loop that data alone
 * cannot): the first cycle found is reported as a path, {@code add -> add-2 -> add}, at its first
 * step. Depth-first without recursion, so long chains need no deep stack.
 */
final class CycleCheck implements GraphCheck {
  private static final Integer ON_PATH = 1;
  private static final Integer DONE = 2;

  @Override
  public void check(PipelineBuilder graph, Reporter reporter) {
    Map<StepBuilder, Integer> state = new HashMap<>();
    for (StepBuilder start : graph.steps()) {
      if (state.containsKey(start)) {
        continue;
      }
      List<StepBuilder> path = new ArrayList<>();
      List<Iterator<String>> next = new ArrayList<>();
      path.add(start);
      next.add(start.upstream().iterator());
      state.put(start, ON_PATH);
      while (!path.isEmpty()) {
        Iterator<String> it = next.get(next.size() - 1);
        if (!it.hasNext()) {
          state.put(path.remove(path.size() - 1), DONE);
          next.remove(next.size() - 1);
          continue;
        }
        StepBuilder up = graph.step(it.next());
        if (up == null || state.get(up) == DONE) {
          continue;
        }
        if (state.get(up) == ON_PATH) {
          report(path.subList(path.indexOf(up), path.size()), reporter);
          return;
        }
        state.put(up, ON_PATH);
        path.add(up);
        next.add(up.upstream().iterator());
      }
    }
  }

  private static void report(List<StepBuilder> cycle, Reporter reporter) {
    List<String> names = new ArrayList<>();
    cycle.forEach(s -> names.add(s.name()));
    names.add(cycle.get(0).name());
    reporter.error(cycle.get(0).position(), Message.CYCLE, String.join(" -> ", names));
  }
}
