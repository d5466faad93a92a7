package dev.kfp4j.processor.validation.graph;

import static com.google.common.truth.Truth.assertThat;

import com.palantir.javapoet.ClassName;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.processor.base.Reporter;
import dev.kfp4j.processor.graph.Group;
import dev.kfp4j.processor.graph.PipelineBuilder;
import dev.kfp4j.processor.graph.TaskBuilder;
import dev.kfp4j.processor.graph.Use;
import dev.kfp4j.processor.model.PipelineModel;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ComponentYaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/**
 * Java's scoping already keeps a body from naming a task made in a group from outside it; the
 * check keeps the DAG right should a body ever get round it. Run on a DAG built by hand.
 */
class ScopeCheckTest {
  static final ComponentSpec ECHO = ComponentYaml.parse(
      "name: echo\noutputs:\n- {name: Output, type: String}\nimplementation:\n  container:\n    image: alpine\n"
          + "    command: [echo, {outputPath: Output}]\n", "echo.yaml");

  final List<String> messages = new ArrayList<>();
  final Reporter reporter = new Reporter(new Messager() {
    @Override
    public void printMessage(Diagnostic.Kind kind, CharSequence msg) {
      messages.add(msg.toString());
    }

    @Override
    public void printMessage(Diagnostic.Kind kind, CharSequence msg, Element e) {
      messages.add(msg.toString());
    }

    @Override
    public void printMessage(Diagnostic.Kind kind, CharSequence msg, Element e, AnnotationMirror a) {
      messages.add(msg.toString());
    }

    @Override
    public void printMessage(Diagnostic.Kind kind, CharSequence msg, Element e, AnnotationMirror a, AnnotationValue v) {
      messages.add(msg.toString());
    }
  });

  final PipelineBuilder graph = new PipelineBuilder(new PipelineModel(null, ClassName.get("test", "P"), "p", "p", null, List.of(),
      PipelineSettings.DEFAULTS, "test.P.p()", Set.of()));

  @Test
  void anOutputReadOutsideTheGroupThatMakesItIsAnError() {
    Group condition = graph.condition(graph.root(), null);
    TaskBuilder inner = graph.task("echo", ECHO, condition, (kind, text) -> messages.add("at inner: " + text));
    graph.use(new Use(inner, "Output", condition, (kind, text) -> messages.add("inside: " + text)));
    graph.use(new Use(inner, "Output", graph.root(), (kind, text) -> messages.add("outside: " + text)));
    new ScopeCheck().check(graph, reporter);
    assertThat(messages).containsExactly("outside: [kfp4j:UnknownTask] output 'Output' of task 'echo' is made inside a Dsl.when/forEach "
        + "group that does not enclose this call; use it inside that group");
  }

  @Test
  void afterNamesATaskOfAnEnclosingGroupOrOfOneInsideOnly() {
    Group first = graph.condition(graph.root(), null);
    Group second = graph.condition(graph.root(), null);
    TaskBuilder a = graph.task("echo", ECHO, first, (kind, text) -> {});
    TaskBuilder outer = graph.task("echo", ECHO, graph.root(), (kind, text) -> {});
    graph.use(new Use(a, null, graph.root(), (kind, text) -> messages.add("root waits for inner: " + text)));
    graph.use(new Use(outer, null, first, (kind, text) -> messages.add("inner waits for root: " + text)));
    graph.use(new Use(a, null, second, (kind, text) -> messages.add("sibling: " + text)));
    new ScopeCheck().check(graph, reporter);
    assertThat(messages).containsExactly("sibling: [kfp4j:UnknownTask] task 'echo' is inside a Dsl.when/forEach group that does not "
        + "enclose this call; 'after' can name tasks of this group or enclosing ones");
  }
}
