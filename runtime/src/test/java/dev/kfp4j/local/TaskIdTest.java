package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

/** Tasks sort as the pipeline declares them, loop iterations by their number. */
class TaskIdTest {
  @Test
  void orderKeysAreTheIndexesInFixedWidth() {
    for (int i : new int[] {0, 7, 99_999, 123_456}) {
      TaskId task = TaskId.MAIN.child("a", i);
      assertEquals(String.format("%05d/", i), task.order());
      TaskId loop = TaskId.MAIN.child("loop", 1).iteration(i, JsonNodeFactory.instance.stringNode("x"));
      assertEquals(String.format("00001(%07d)/", i), loop.order());
      assertEquals("loop(" + i + ":x)", loop.label());
    }
  }

  @Test
  void theTenthTaskSortsAfterTheNinth() {
    assertTrue(TaskId.MAIN.child("b", 9).order().compareTo(TaskId.MAIN.child("a", 10).order()) < 0);
    TaskId loop = TaskId.MAIN.child("loop", 0);
    var item = JsonNodeFactory.instance.numberNode(1);
    assertTrue(loop.iteration(9, item).child("t", 0).order().compareTo(loop.iteration(10, item).child("t", 0).order()) < 0);
  }
}
