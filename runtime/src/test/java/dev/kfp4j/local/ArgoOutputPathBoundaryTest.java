package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hand-written Argo template's script that names a file whose path begins with an output's path ({@code /c/o2},
 * {@code /c/outlink} for output {@code /c/o}) or holds it inside a longer path ({@code /x/c/o}) writes that file where it
 * names it, as its container would: only the output's own path, standing whole, is the task's output file here. Such a
 * file was moved into the task's output folder, beside the output's file ({@code outputs/o/data2}).
 */
class ArgoOutputPathBoundaryTest {
  @TempDir Path dir;

  @Test
  void aPathThatOnlyBeginsWithAnOutputsPathIsNotMovedIntoTheTasksOutputFolder() throws Exception {
    String c = dir.resolve("c").toString();
    String x = dir.resolve("x").toString();
    String yaml = "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {generateName: bounds-}\nspec:\n"
        + "  entrypoint: main\n  templates:\n  - name: main\n    dag:\n      tasks:\n      - {name: t, template: t}\n"
        + "  - name: t\n    outputs: {artifacts: [{name: o, path: " + c + "/o}]}\n"
        + "    container:\n      image: alpine\n      command: [sh, -c, 'mkdir -p " + c + " " + x + c + " && printf a > " + c
        + "/o && printf b > " + c + "/o2 && printf c > " + c + "/outlink && printf d >" + x + c + "/o']\n";
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    LocalRunner runner = LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).progress(false).build();
    RunResult r = runner.run(Workflow.parse(yaml, "bounds.yaml"), Map.of());

    String out = console.toString(StandardCharsets.UTF_8);
    assertEquals(TaskResult.State.Succeeded, r.state(), out);
    Path outputs = r.runDir().resolve("t").resolve("outputs").resolve("o");
    try (Stream<Path> files = Files.list(outputs)) {
      assertEquals(List.of("data"), files.map(p -> p.getFileName().toString()).sorted().toList(), out);
    }
    assertEquals("a", Files.readString(outputs.resolve("data")));
    assertEquals("b", Files.readString(dir.resolve("c/o2")));
    assertEquals("c", Files.readString(dir.resolve("c/outlink")));
    assertEquals("d", Files.readString(Path.of(x + c, "o")));
  }
}
