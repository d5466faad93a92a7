package dev.kfp4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kfp4j.dsl.IntTask;
import dev.kfp4j.model.TaskSetting;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An op called from plain Java, as a unit test of a pipeline's pieces would: the task says what
 * it was given (component, arguments, settings, upstream tasks); its outputs exist only in a run.
 */
class OpsInPlainJavaTest {
  @Test
  void aTaskSaysWhatItWasGiven() {
    IntTask first = CalcOps.add(1, 2);
    IntTask second = CalcOps.multiply(3, 4).displayName("times").memoryLimit("1Gi").after(first);

    assertEquals("add", first.component());
    assertEquals(Map.of("a", 1, "b", 2), first.arguments());
    assertEquals(List.of("a", "b"), List.copyOf(first.arguments().keySet()), "in the method's order");
    assertEquals("multiply", second.component());
    assertEquals(List.of(new TaskSetting.DisplayName("times"),
        new TaskSetting.Resource(TaskSetting.Resource.Kind.MEMORY_LIMIT, "1Gi")), second.settings());
    assertEquals(List.of(first), second.upstream());
  }

  @Test
  void anOutputExistsOnlyInARun() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> CalcOps.add(1, 2).output());
    assertEquals("output 'Output' of task 'add' exists only when the pipeline runs; use it as an argument inside a @Pipeline method",
        e.getMessage());
  }

  @Test
  void anOutputOfAGeneratedTaskClassExistsOnlyInARunToo() {
    AllTypesOps.AllTypesTask task = AllTypesOps.allTypes("s", 1, 2.5, true, List.of(1), Map.of("k", 2), null, null, null);
    assertEquals(List.of("s", "i", "f", "b", "l", "d"), List.copyOf(task.arguments().keySet()), "null inputs left out, in order");
    assertEquals(1L, task.arguments().get("i"));
    IllegalStateException e = assertThrows(IllegalStateException.class, task::sum);
    assertEquals("output 'sum' of task 'all-types' exists only when the pipeline runs; use it as an argument inside a @Pipeline method",
        e.getMessage());
  }
}
