package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A task's JVM starts ahead only once a task it waits for launches its process: a task taken from
 * the cache launches none, and the tasks after it (likely cached too) get no JVM for nothing.
 */
class LookAheadTest {
  @TempDir Path dir;

  /** A plan of which only {@link #prelaunch} is asked: every task's JVM as {@link TestEntrypoint}'s, in its own folder. */
  private Plan plan() {
    return new Plan() {
      @Override
      public Graph main() {
        throw new UnsupportedOperationException();
      }

      @Override
      public Scope mainScope() {
        throw new UnsupportedOperationException();
      }

      @Override
      public Graph exitHandler() {
        throw new UnsupportedOperationException();
      }

      @Override
      public Loop loop(Node node, Scope scope) {
        throw new UnsupportedOperationException();
      }

      @Override
      public String skipReason(Node node, Scope scope, JsonNode item) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Work work(Node node, Scope scope, JsonNode item, TaskId id) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Prelaunch prelaunch(Node node, TaskId id) {
        return new Prelaunch(TestEntrypoint.class.getName(), Map.of(), dir.resolve(node.name()));
      }
    };
  }

  @Test
  void aTasksJvmStartsAheadWhenTheTaskBeforeItLaunchesNotWhenItStarts() throws Exception {
    List<String> classpath = List.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator));
    Prestarts prestarts = new Prestarts(new SubprocessLauncher(new ProcessGroups()), JavaStart.of(dir.resolve("cache"), classpath),
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), System.getProperty("java.class.path"), 4,
        Runnable::run); // started here, at once: what is started is there when the call returns
    Plan.Node a = new Plan.Node("a", "t", List.of(), null);
    Plan.Node b = new Plan.Node("b", "t", List.of("a"), null);
    Map<String, TaskId> ids = Map.of("a", TaskId.MAIN.child("a", 0), "b", TaskId.MAIN.child("b", 1));
    try (prestarts) {
      LookAhead ahead = new LookAhead(plan(), prestarts, Map.of("a", a, "b", b), ids);

      ahead.started("a");
      assertFalse(dir.resolve("b").toFile().exists(), "a may yet be taken from the cache: nothing started for b");
      assertEquals(List.of(), PrestartRunTest.waiting());

      prestarts.launching(ids.get("a").id());
      assertTrue(dir.resolve("b").toFile().isDirectory(), "a launched its process: b's JVM starts ahead, in b's folder");
      List<ProcessHandle> waiting = PrestartRunTest.waiting(1);
      assertEquals(1, waiting.size(), "b's JVM runs");

      ahead.ended("a");
      ahead.started("b");
      ahead.ended("b"); // b was taken from the cache after all
      assertFalse(waiting.get(0).isAlive(), "b's JVM was stopped");
      assertEquals(List.of(), PrestartRunTest.waiting());
      assertFalse(dir.resolve("b").toFile().exists(), "the folder made for b's JVM went with it");
    }
  }
}
