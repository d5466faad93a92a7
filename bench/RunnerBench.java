import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.local.LocalRunner;
import dev.kfp4j.local.RunResult;
import dev.kfp4j.local.Workflow;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Local runner benchmark, run by bench/run.py: a chain of 100 and a fan-out of 1,000 tasks of
 * the add example's Java component, in-process and as java subprocesses, caching off; the chain of
 * 100 in KFP 2 form (the add example's KFP 2 component, through the executor protocol, written as a
 * KFP 2 pipeline spec and read back); and in-process chains of 1,000 and 5,000 tasks (growth).
 * Prints Markdown table rows. Not a test: nothing asserts on time.
 */
public final class RunnerBench {
  private static final String HEAD = "apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {generateName: bench-}\n"
      + "spec:\n  entrypoint: main\n  templates:\n"
      + "  - name: add\n    inputs: {parameters: [{name: a}, {name: b}]}\n"
      + "    outputs: {parameters: [{name: Output, valueFrom: {path: /tmp/outputs/Output/data}}]}\n"
      + "    container:\n      image: x\n      command: [java, -cp, '/app/classes', dev.kfp4j.examples.CalcEntrypoint, add]\n"
      + "      args: [--a, '{{inputs.parameters.a}}', --b, '{{inputs.parameters.b}}', '----output-paths', /tmp/outputs/Output/data]\n"
      + "  - name: main\n    dag:\n      tasks:\n";

  static Workflow chain(int n) {
    StringBuilder y = new StringBuilder(HEAD);
    y.append("      - {name: t0, template: add, arguments: {parameters: [{name: a, value: '0'}, {name: b, value: '1'}]}}\n");
    for (int i = 1; i < n; i++) {
      y.append("      - {name: t").append(i).append(", template: add, dependencies: [t").append(i - 1)
          .append("], arguments: {parameters: [{name: a, value: '{{tasks.t").append(i - 1)
          .append(".outputs.parameters.Output}}'}, {name: b, value: '1'}]}}\n");
    }
    return Workflow.parse(y.toString(), "chain");
  }

  static Workflow fanout(int n) {
    StringBuilder y = new StringBuilder(HEAD);
    y.append("      - {name: t0, template: add, arguments: {parameters: [{name: a, value: '0'}, {name: b, value: '1'}]}}\n");
    for (int i = 1; i < n; i++) {
      y.append("      - {name: t").append(i).append(", template: add, dependencies: [t0], arguments: {parameters: "
          + "[{name: a, value: '{{tasks.t0.outputs.parameters.Output}}'}, {name: b, value: '").append(i).append("'}]}}\n");
    }
    return Workflow.parse(y.toString(), "fanout");
  }

  /** The chain as a KFP 2 pipeline spec, of the add example's KFP 2 {@code add} component. */
  static Workflow chainKfp2(int n) throws java.io.IOException {
    String example;
    try (java.io.InputStream in = RunnerBench.class.getClassLoader().getResourceAsStream("META-INF/kfp4j/kfp2/pipelines/add-example.yaml")) {
      example = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    dev.kfp4j.spec.ComponentSpec add = ((dev.kfp4j.model.Task) Kfp2Reader.read(example, "add-example").node("add").orElseThrow()).component();
    List<dev.kfp4j.model.Node> tasks = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      dev.kfp4j.model.Argument a = i == 0 ? new dev.kfp4j.model.Argument.Constant("0", dev.kfp4j.model.ParameterType.INTEGER)
          : new dev.kfp4j.model.Argument.TaskOutput("t" + (i - 1), "Output");
      tasks.add(new dev.kfp4j.model.Task("t" + i, add,
          Map.of("a", a, "b", new dev.kfp4j.model.Argument.Constant("1", dev.kfp4j.model.ParameterType.INTEGER))));
    }
    dev.kfp4j.model.Pipeline p = new dev.kfp4j.model.Pipeline("bench-kfp2", null, List.of(), tasks, null, null, null);
    return Workflow.parse(Kfp2Writer.write(p), "chain-kfp2");
  }

  static double seconds(LocalRunner runner, Workflow wf, String check, String expected) {
    long start = System.nanoTime();
    RunResult r = runner.run(wf, Map.of());
    double s = (System.nanoTime() - start) / 1e9;
    if (!r.succeeded() || !r.output(check, "Output").equals(expected)) {
      throw new IllegalStateException("benchmark run failed: " + r.failedTask());
    }
    return s;
  }

  /**
   * The floor of a subprocess task, measured right after the runner's chain: the command the runner
   * starts for a task (this JVM's java, the class-data archive it keeps, its classpath), started 100
   * times in a row without the runner; and a plain hello-world {@code java} writing a file.
   */
  static void floors(Path root) throws java.io.IOException {
    String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path archive;
    try (var files = Files.list(root.resolve(".cache").resolve("java"))) {
      archive = files.filter(p -> p.toString().endsWith(".jsa")).findFirst().orElseThrow();
    }
    Path out = root.resolve("floor");
    List<String> task = List.of(javaCommand, "-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off,cds+dynamic=off", "-cp",
        System.getProperty("java.class.path"), "dev.kfp4j.examples.CalcEntrypoint", "add", "--a", "3", "--b", "4", "----output-paths",
        out.resolve("Output").resolve("data").toString());
    String benchClasses;
    try {
      benchClasses = Path.of(RunnerBench.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    List<String> hello = List.of(javaCommand, "-cp", benchClasses, "RunnerBench$Hello", out.resolve("hello").toString());
    Files.createDirectories(out);
    double t = starts(task, 100, out);
    double h = starts(hello, 100, out);
    System.out.printf("| the task's `java` command alone, 100 starts in a row (no runner) | subprocess | %.2f s | %.1f ms |%n", t, t * 10);
    System.out.printf("| plain `java Hello` writing a file, 100 starts in a row | subprocess | %.2f s | %.1f ms |%n", h, h * 10);
  }

  /** Seconds for {@code n} starts of {@code command} in a row, each to its end. */
  static double starts(List<String> command, int n, Path dir) throws java.io.IOException {
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      try {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
            .redirectOutput(dir.resolve("log.txt").toFile()).start();
        if (p.waitFor() != 0) {
          throw new IllegalStateException("failed: " + String.join(" ", command));
        }
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /** A plain hello-world that writes a file: the floor of a Java process. */
  public static final class Hello {
    public static void main(String[] args) throws java.io.IOException {
      Files.writeString(Path.of(args[0]), "7");
    }
  }

  static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    return s.get(s.size() / 2);
  }

  public static void main(String[] args) throws java.io.IOException {
    Path root = Path.of(args[0]);
    int runs = Integer.parseInt(args[1]);
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
    System.out.println("| run | mode | wall time (median of " + runs + ") | per task |");
    System.out.println("|---|---|---|---|");
    for (LocalRunner.JavaMode mode : LocalRunner.JavaMode.values()) {
      LocalRunner runner = LocalRunner.builder().root(root).caching(false).javaMode(mode).console(quiet).progress(false).summary(false).build();
      int fan = mode == LocalRunner.JavaMode.IN_PROCESS ? 1000 : 200;
      seconds(runner, chain(10), "t9", "10"); // warm up
      List<Double> c = new ArrayList<>();
      List<Double> f = new ArrayList<>();
      int modeRuns = mode == LocalRunner.JavaMode.IN_PROCESS ? runs : 1;
      for (int i = 0; i < modeRuns; i++) {
        c.add(seconds(runner, chain(100), "t99", "100"));
        f.add(seconds(runner, fanout(fan), "t" + (fan - 1), String.valueOf(fan)));
      }
      String m = mode == LocalRunner.JavaMode.IN_PROCESS ? "in-process" : "subprocess";
      System.out.printf("| chain of 100 | %s | %.2f s | %.1f ms |%n", m, median(c), median(c) * 1000 / 100);
      System.out.printf("| fan-out of %,d | %s | %.2f s | %.1f ms |%n", fan, m, median(f), median(f) * 1000 / fan);
      if (mode == LocalRunner.JavaMode.SUBPROCESS) {
        floors(root);
      }
      if (mode == LocalRunner.JavaMode.IN_PROCESS) {
        Workflow kfp2 = chainKfp2(100);
        List<Double> k = new ArrayList<>();
        for (int i = 0; i < modeRuns; i++) {
          k.add(seconds(runner, kfp2, "t99", "100"));
        }
        System.out.printf("| chain of 100, KFP 2 spec (executor protocol) | %s | %.2f s | %.1f ms |%n", m, median(k), median(k) * 1000 / 100);
      }
    }
    LocalRunner inProcess = LocalRunner.builder().root(root).caching(false).console(quiet).progress(false).summary(false).build();
    double[] chains = new double[2];
    int[] sizes = {1000, 5000};
    for (int i = 0; i < sizes.length; i++) {
      List<Double> c = new ArrayList<>();
      for (int r = 0; r < runs; r++) {
        c.add(seconds(inProcess, chain(sizes[i]), "t" + (sizes[i] - 1), String.valueOf(sizes[i])));
      }
      chains[i] = median(c);
      System.out.printf("| chain of %,d | in-process | %.2f s | %.1f ms |%n", sizes[i], chains[i], chains[i] * 1000 / sizes[i]);
    }
    double[] kfp2Chains = new double[2];
    for (int i = 0; i < sizes.length; i++) {
      Workflow kfp2 = chainKfp2(sizes[i]);
      List<Double> c = new ArrayList<>();
      for (int r = 0; r < runs; r++) {
        c.add(seconds(inProcess, kfp2, "t" + (sizes[i] - 1), String.valueOf(sizes[i])));
      }
      kfp2Chains[i] = median(c);
      System.out.printf("| chain of %,d, KFP 2 spec (executor protocol) | in-process | %.2f s | %.1f ms |%n", sizes[i], kfp2Chains[i],
          kfp2Chains[i] * 1000 / sizes[i]);
    }
    System.out.printf("%nGrowth, in-process chain: 5,000 : 1,000 tasks = **%.1f×** as an Argo workflow, **%.1f×** as a KFP 2 spec "
        + "(linear would be 5×).%n", chains[1] / chains[0], kfp2Chains[1] / kfp2Chains[0]);
  }
}
