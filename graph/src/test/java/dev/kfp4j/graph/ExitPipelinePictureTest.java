package dev.kfp4j.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Condition;
import dev.kfp4j.model.ExitPipeline;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.Predicate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A pipeline as exit task ({@link ExitPipeline}): its nodes in a group of their own, drawn after the exit handler's body. */
class ExitPipelinePictureTest {
  @Test
  void theExitPipelineIsAGroupAfterTheExitHandler() {
    Condition failed = new Condition("condition-1", new Predicate.Comparison(new Argument.TaskOutput("state", "Out<put>"),
        Predicate.Operator.EQ, new Argument.Constant("1", ParameterType.INTEGER)), List.of(LayoutTest.task("notify", Map.of())));
    Pipeline p = new Pipeline("exit-pipeline", null, List.of(), List.of(LayoutTest.task("work", Map.of())), null, null, null,
        Map.of(), new ExitPipeline("on-exit", null, List.of(LayoutTest.task("state", Map.of()), failed)));
    SvgPicture pic = PictureChecks.svg(p, PipelineGraph.svg(p));
    assertEquals(List.of("exit pipeline"), pic.groups().get("on-exit").texts());
    assertTrue(pic.groups().get("on-exit").rect().contains(pic.groups().get("condition-1").rect()));
    assertEquals(List.of("on exit"), pic.edges("exit-handler", "on-exit").get(0).label());
    PictureChecks.mermaid(p, PipelineGraph.mermaid(p));
  }

  /** {@code dsl.ExitHandler(t, name='my-pipeline')}: the exit handler's box says its name, in quotes as a task's display name. */
  @Test
  void aNamedExitHandlerShowsItsName() {
    Pipeline p = new Pipeline("named", null, List.of(), List.of(LayoutTest.task("work", Map.of())), LayoutTest.task("notify", Map.of()),
        null, null, Map.of(), null, "my-pipeline");
    SvgPicture pic = PictureChecks.svg(p, PipelineGraph.svg(p));
    assertEquals(List.of("exit handler \"my-pipeline\""), pic.groups().get("exit-handler").texts());
    Pipeline unnamed = p.withExitHandlerName(null);
    assertEquals(List.of("exit handler"), PictureChecks.svg(unnamed, PipelineGraph.svg(unnamed)).groups().get("exit-handler").texts());
  }
}
