package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A loop item reaches a task of an Argo workflow as Argo's controller gives it: a map item whole
 * as Go's JSON (no spaces, keys sorted), a field as its JSON without spaces, a text field without
 * its quotes but with its escapes.
 */
class ArgoItemTextTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  @Test
  void aMapItemAndItsFieldsAreGoJson() {
    String echo = LocalRunnerTest.sh("echo", "mkdir -p $(dirname $1); printf %s \"$0\" > $1");
    String items = "[{\"name\": \"say \\\"hi\\\" & go\", \"m\": {\"z\": 1, \"a\": [1, 2]}, \"n\": 2}]";
    String tasks = "      - {name: whole, template: echo, withParam: '" + items + "', arguments: {parameters: [{name: x, value: '{{item}}'}]}}\n"
        + "      - {name: name, template: echo, withParam: '" + items + "', arguments: {parameters: [{name: x, value: '{{item.name}}'}]}}\n"
        + "      - {name: m, template: echo, withParam: '" + items + "', arguments: {parameters: [{name: x, value: '{{item.m}}'}]}}\n";
    LocalRunner runner = LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).progress(false).summary(false).build();
    RunResult r = runner.run(LocalRunnerTest.workflow("items", "", tasks, echo), Map.of());
    assertTrue(r.succeeded(), console.toString());
    String out = console.toString();
    assertEquals("{\"m\":{\"z\":1,\"a\":[1,2]},\"n\":2,\"name\":\"say \\\"hi\\\" \\u0026 go\"}", output(r, "whole"), out);
    assertEquals("say \\\"hi\\\" & go", output(r, "name"), out);
    assertEquals("{\"z\":1,\"a\":[1,2]}", output(r, "m"), out);
  }

  /**
   * A number item is the text Argo keeps: of a {@code withItems} number, as Argo's server writes the YAML number as JSON
   * (go-yaml's float64, {@code encoding/json}'s text); of a {@code withParam} list, as the list writes it; a quoted item
   * is its text, however much it looks like a number.
   */
  @Test
  void aNumberItemIsTheTextArgoKeeps() {
    String echo = LocalRunnerTest.sh("echo", "mkdir -p $(dirname $1); printf %s \"$0\" > $1");
    String tasks = "      - {name: yaml, template: echo, withItems: [1e3, 1.50, 2.0, 1e21, 1e-7, '1.50', '1e3', 3], "
        + "arguments: {parameters: [{name: x, value: '{{item}}'}]}}\n"
        + "      - {name: json, template: echo, withParam: '[1.50, 1e-05, 1E3, 2, -0]', arguments: {parameters: [{name: x, value: '{{item}}'}]}}\n"
        + "      - {name: list, template: echo, arguments: {parameters: [{name: x, value: '[1.50, 1e+16]'}]}}\n"
        + "      - {name: out, template: echo, dependencies: [list], withParam: '{{tasks.list.outputs.parameters.out}}', "
        + "arguments: {parameters: [{name: x, value: '{{item}}'}]}}\n";
    LocalRunner runner = LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).progress(false).summary(false).build();
    RunResult r = runner.run(LocalRunnerTest.workflow("numbers", "", tasks, echo), Map.of());
    assertTrue(r.succeeded(), console.toString());
    assertEquals(java.util.List.of("1000", "1.5", "2", "1e+21", "1e-7", "1.50", "1e3", "3"), outputs(r, "yaml", 8));
    assertEquals(java.util.List.of("1.50", "1e-05", "1E3", "2", "-0"), outputs(r, "json", 5));
    assertEquals(java.util.List.of("1.50", "1e+16"), outputs(r, "out", 2));
  }

  /**
   * A number inside a map or list item is its text there too ({@code Item} keeps its raw JSON; {@code {{item.x}}} is {@code
   * fmt.Sprintf("%v")} of the field's {@code Item}, {@code {{item}}} {@code json.Marshal} of the map of them): of a constant
   * {@code withParam} and of one a task wrote alike.
   */
  @Test
  void aNumberInsideAMapOrListItemIsItsText() {
    String echo = LocalRunnerTest.sh("echo", "mkdir -p $(dirname $1); printf %s \"$0\" > $1");
    String all = "[{\"x\": 1.50, \"y\": 1e-05, \"m\": {\"b\": 2.0, \"a\": 1E3}}, [1.50, [2.0]]]";
    String maps = "[{\"x\": 1.50, \"y\": 1e-05}]";
    String tasks = loops(all, maps, "item", "item.x", "item.y");
    LocalRunner runner = LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).progress(false).summary(false).build();
    RunResult r = runner.run(LocalRunnerTest.workflow("inner", "", tasks, echo), Map.of());
    assertTrue(r.succeeded(), console.toString());
    for (String from : new String[] {"const", "out"}) {
      assertEquals(java.util.List.of("{\"m\":{\"b\":2.0,\"a\":1E3},\"x\":1.50,\"y\":1e-05}", "[1.50,[2.0]]"), outputs(r, from + "-item", 2),
          from);
      assertEquals("1.50", r.output(from + "-item-x(0)", "out"), from);
      assertEquals("1e-05", r.output(from + "-item-y(0)", "out"), from);
    }
  }

  /**
   * A text inside a map or list item of a {@code withParam} written with an escape JSON allows but does not need (a letter as its
   * code, {@code \/}) reaches the task with the escape as written, as Argo's {@code Item} keeps its raw JSON ({@code
   * GetMapVal} of raw {@code Item}s, {@code Item.String} of a field, {@code json.Marshal} of the map or list): of a constant
   * {@code withParam} and of one a task wrote alike. A text item is unescaped ({@code GetStrVal}), and so is a {@code withItems}
   * text, which YAML reads.
   */
  @Test
  void aTextInsideAMapOrListItemKeepsItsEscapesAsWritten() {
    String echo = LocalRunnerTest.sh("echo", "mkdir -p $(dirname $1); printf %s \"$0\" > $1");
    String all = "[{\"p\": \"a\\/b\", \"name\": \"caf\\u00e9\", \"lt\": \"\\u003c\"}, [\"caf\\u00e9\", \"x\\/y\"], \"caf\\u00e9\"]";
    String maps = "[{\"p\": \"a\\/b\", \"name\": \"caf\\u00e9\", \"lt\": \"\\u003c\"}]";
    String tasks = loops(all, maps, "item", "item.name", "item.p", "item.lt")
        + "      - {name: yaml, template: echo, withItems: [{name: \"caf\\u00e9\"}], arguments: {parameters: [{name: x, value: '{{item.name}}'}]}}\n";
    LocalRunner runner = LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).progress(false).summary(false).build();
    RunResult r = runner.run(LocalRunnerTest.workflow("escapes", "", tasks, echo), Map.of());
    assertTrue(r.succeeded(), console.toString());
    for (String from : new String[] {"const", "out"}) {
      assertEquals(java.util.List.of("{\"lt\":\"\\u003c\",\"name\":\"caf\\u00e9\",\"p\":\"a\\/b\"}", "[\"caf\\u00e9\",\"x\\/y\"]",
          "caf\u00e9"), outputs(r, from + "-item", 3), from);
      assertEquals("caf\\u00e9", r.output(from + "-item-name(0)", "out"), from);
      assertEquals("a\\/b", r.output(from + "-item-p(0)", "out"), from);
      assertEquals("<", r.output(from + "-item-lt(0)", "out"), from);
    }
    assertEquals("caf\u00e9", r.output("yaml(0)", "out"));
  }

  /**
   * An object or array inside a map item reaches the task as the item's text has it, at any depth, as Argo's {@code Item} keeps
   * its raw JSON: its keys with their escapes, a key given twice twice, its numbers as written; a key given twice in the item
   * itself gives its last value ({@code GetMapVal}). The iteration's label shows a field as Argo's node name does ({@code
   * %v} of the field's {@code Item}), a text with its escapes.
   */
  @Test
  void anObjectInsideAMapItemIsTheItemsTextOfIt() {
    String echo = LocalRunnerTest.sh("echo", "mkdir -p $(dirname $1); printf %s \"$0\" > $1");
    String deep = "[".repeat(70) + "1.50" + "]".repeat(70);
    String list = "[{\"m\": {\"caf\\u00e9\": 1, \"k\": 1, \"k\": [2.0, \"<\"]}, \"d\": 1, \"d\": 2.50, \"deep\": " + deep + "}]";
    String tasks = loops(list, list, "item", "item.m", "item.d", "item.deep")
        + "      - {name: label, template: echo, withParam: '[{\"name\": \"caf\\u00e9\"}]', arguments: {parameters: [{name: x, value: '{{item.name}}'}]}}\n"
        + "      - {name: yaml-m, template: echo, withItems: [{m: {z: 1.50, a: '<', k: [2.0]}}], arguments: {parameters: [{name: x, value: '{{item.m}}'}]}}\n"
        + "      - {name: yaml-item, template: echo, withItems: [{m: {z: 1.50, a: '<'}}], arguments: {parameters: [{name: x, value: '{{item}}'}]}}\n";
    LocalRunner runner = LocalRunner.builder().root(dir.resolve("runs")).caching(false)
        .console(new PrintStream(console, true, StandardCharsets.UTF_8)).progress(false).summary(false).build();
    RunResult r = runner.run(LocalRunnerTest.workflow("inside", "", tasks, echo), Map.of());
    assertTrue(r.succeeded(), console.toString());
    for (String from : new String[] {"const", "out"}) {
      assertEquals("{\"d\":2.50,\"deep\":" + deep + ",\"m\":{\"caf\\u00e9\":1,\"k\":1,\"k\":[2.0,\"\\u003c\"]}}",
          r.output(from + "-item(0)", "out"), from);
      assertEquals("{\"caf\\u00e9\":1,\"k\":1,\"k\":[2.0,\"<\"]}", r.output(from + "-item-m(0)", "out"), from);
      assertEquals("2.50", r.output(from + "-item-d(0)", "out"), from);
      assertEquals(deep, r.output(from + "-item-deep(0)", "out"), from);
    }
    // a withItems map as Argo's server writes YAML as JSON (go-yaml, json.Marshal): keys sorted at every depth, numbers as Go's
    assertEquals("{\"a\":\"<\",\"k\":[2],\"z\":1.5}", r.output("yaml-m(0)", "out"));
    assertEquals("{\"m\":{\"a\":\"\\u003c\",\"z\":1.5}}", r.output("yaml-item(0)", "out"));
    assertEquals("label(0:name:caf\\u00e9)", r.tasks().stream().filter(t -> t.id().equals("label(0)")).findFirst().orElseThrow().label());
  }

  /**
   * Tasks {@code all} and {@code maps} giving those lists, and for each of {@code refs} ({@code item}: over {@code all}, a field:
   * over {@code maps}) a task {@code const-<ref>} looping over the list as a constant {@code withParam} and a task {@code
   * out-<ref>} over the task's output, each giving {@code {{<ref>}}}.
   */
  private static String loops(String all, String maps, String... refs) {
    StringBuilder tasks = new StringBuilder()
        .append("      - {name: all, template: echo, arguments: {parameters: [{name: x, value: '" + all + "'}]}}\n")
        .append("      - {name: maps, template: echo, arguments: {parameters: [{name: x, value: '" + maps + "'}]}}\n");
    for (String from : new String[] {"const", "out"}) {
      for (String ref : refs) {
        String list = ref.equals("item") ? "all" : "maps";
        String over = from.equals("const") ? (ref.equals("item") ? all : maps) : "{{tasks." + list + ".outputs.parameters.out}}";
        tasks.append("      - {name: " + from + "-" + ref.replace('.', '-') + ", template: echo, dependencies: [" + list + "], withParam: '"
            + over + "', arguments: {parameters: [{name: x, value: '{{" + ref + "}}'}]}}\n");
      }
    }
    return tasks.toString();
  }

  private static java.util.List<String> outputs(RunResult r, String task, int n) {
    return java.util.stream.IntStream.range(0, n).mapToObj(i -> r.output(task + "(" + i + ")", "out")).toList();
  }

  private static String output(RunResult r, String task) {
    return r.tasks().stream().filter(t -> t.id().startsWith(task))
        .findFirst().orElseThrow(() -> new AssertionError(task + " in " + r.tasks().stream().map(TaskResult::id).toList())).outputs().get("out");
  }
}
