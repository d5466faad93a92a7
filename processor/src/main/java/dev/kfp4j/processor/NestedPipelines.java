package dev.kfp4j.processor;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.argo.ArgoReader;
import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.CalledPipeline;
import dev.kfp4j.model.Flattening;
import dev.kfp4j.model.Nodes;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.Task;
import dev.kfp4j.processor.base.Format;
import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.base.Reporter;
import dev.kfp4j.processor.graph.PipelineBuilder;
import dev.kfp4j.processor.graph.PipelineCall;
import dev.kfp4j.processor.graph.TaskBuilder;
import dev.kfp4j.processor.model.PipelineModel;
import dev.kfp4j.processor.validation.graph.CalledOutputTypeCheck;
import dev.kfp4j.processor.validation.graph.LeftOutArtifactCheck;
import dev.kfp4j.processor.validation.graph.LeftOutValueCheck;
import dev.kfp4j.spec.SpecException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pipelines that call other pipelines, put together once the pipelines they call are read: a
 * pipeline compiled in this run when its body is read (whatever order javac analyses their classes
 * in), one from the class path from its files in {@code META-INF} ({@link #fromClassPath}), a KFP 2 pipeline file an
 * {@code @ImportComponents} op runs from that file ({@link #fromFile}). A
 * pipeline that holds itself through others is an error on the call that closes the circle; one
 * whose called pipeline could not be read (its errors said why) is not written. Each call is a
 * {@link CalledPipeline} of the pipeline it calls, as KFP 2's spec writes it; the formats and checks
 * without nested pipelines take it flat ({@link Flattening#flat}). A call run as the exit task is
 * the pipeline's {@link dev.kfp4j.model.ExitPipeline}, flat in both.
 */
final class NestedPipelines {
  /** Writes a pipeline: {@code flat} with its calls put in, {@code nested} with each a {@link CalledPipeline}; true when written. */
  interface Writer {
    boolean write(PipelineModel pipeline, PipelineBuilder graph, Pipeline flat, Pipeline nested);
  }

  private record Waiting(PipelineModel pipeline, PipelineBuilder graph, Pipeline model) {}

  /** The text of a resource of this build or the class path, null when it is nowhere ({@link SpecSource#read}). */
  private final java.util.function.Function<String, String> resources;
  private final Reporter reporter;
  private final Writer writer;
  /** The pipelines written (their calls {@link CalledPipeline}s) or read from the class path, by method. */
  private final Map<String, Pipeline> done = new HashMap<>();
  /** Pipelines waiting for a pipeline they call, by method. */
  private final Map<String, Waiting> waiting = new LinkedHashMap<>();

  /** The pipeline a KFP 2 pipeline file is, by resource ({@link SpecSource#pipelineFile}). */
  private final java.util.function.Function<String, Pipeline> pipelineFiles;

  NestedPipelines(java.util.function.Function<String, String> resources, Reporter reporter, Writer writer,
      java.util.function.Function<String, Pipeline> pipelineFiles) {
    this.resources = resources;
    this.reporter = reporter;
    this.writer = writer;
    this.pipelineFiles = pipelineFiles;
  }

  /**
   * {@code model}, read from {@code pipeline}'s body into {@code graph}: written now, or once the pipelines it calls are.
   * Null when the graph has mistakes, or could not be read whole (errors said why): its calls are checked all the same, now
   * or once the pipelines they call are, so that their mistakes come in the same build, and nothing is written.
   */
  void offer(PipelineModel pipeline, PipelineBuilder graph, Pipeline model) {
    if (model == null && graph.pipelineCalls().isEmpty()) {
      return;
    }
    for (TaskBuilder t : graph.pipelineCalls()) {
      PipelineCall call = t.pipelineCall();
      if (call.file() != null ? !fromFile(pipeline, t) : !call.compiledHere() && !done.containsKey(call.source())
          && !fromClassPath(pipeline, t)) {
        return; // a pipeline file is checked for each pipeline calling it: one written for Argo takes only what Argo runs
      }
      if (call.compiledHere() && !done.containsKey(call.source())) {
        List<String> circle = circle(call.source(), pipeline.source());
        if (circle != null) {
          circle.add(0, pipeline.name());
          reporter.error(t.position(), Message.PIPELINE_RECURSION, t.name(), pipeline.name(), String.join(" -> ", circle));
          return;
        }
      }
    }
    for (TaskBuilder t : graph.pipelineCalls()) {
      if (!done.containsKey(t.pipelineCall().source())) {
        waiting.put(pipeline.source(), new Waiting(pipeline, graph, model));
        return;
      }
    }
    Pipeline whole = model;
    Pipeline nested = model;
    if (!graph.pipelineCalls().isEmpty()) {
      Map<String, Pipeline> calls = new HashMap<>();
      graph.pipelineCalls().forEach(t -> calls.put(t.name(), done.get(t.pipelineCall().source())));
      Map<String, Pipeline> flatCalls = new HashMap<>();
      try {
        calls.forEach((k, v) -> flatCalls.put(k, Flattening.flat(v)));
        boolean sound = CalledOutputTypeCheck.check(graph, flatCalls, reporter); // each check: their mistakes come at once
        sound &= workspaceFor(graph, flatCalls);
        sound &= LeftOutArtifactCheck.check(graph, calls, reporter);
        sound &= LeftOutValueCheck.check(graph, calls, reporter);
        if (!sound || model == null) {
          return;
        }
        String exit = model.exitTask() != null && calls.containsKey(model.exitTask().name()) ? model.exitTask().name() : null;
        Map<String, Pipeline> exitCall = exit == null ? Map.of() : Map.of(exit, calls.get(exit));
        Pipeline withCalls = nest(model, calls);
        whole = Flattening.inline(withCalls, exitCall, true);
        nested = Flattening.inline(withCalls, exitCall, false);
      } catch (Flattening.Failure e) {
        TaskBuilder t = graph.pipelineCalls().stream().filter(c -> c.name().equals(e.call())).findFirst().orElseThrow();
        reporter.error(t.position(), Message.NESTED_PIPELINE, t.pipelineCall().pipelineName(), e.getMessage());
        return;
      } catch (IllegalArgumentException e) {
        reporter.error(graph.pipelineCalls().get(0).position(), Message.NESTED_PIPELINE, graph.pipelineCalls().get(0).pipelineCall()
            .pipelineName(), e.getMessage());
        return;
      }
    }
    if (model != null && writer.write(pipeline, graph, whole, nested)) {
      done.put(pipeline.source(), nested);
      for (Waiting w : new ArrayList<>(waiting.values())) {
        if (waiting.get(w.pipeline().source()) == w
            && w.graph().pipelineCalls().stream().allMatch(c -> done.containsKey(c.pipelineCall().source()))) {
          waiting.remove(w.pipeline().source());
          offer(w.pipeline(), w.graph(), w.model());
        }
      }
    }
  }

  /**
   * Whether the pipelines {@code graph}'s pipeline calls ({@code flatCalls}, by call) find the run's workspace they use (an
   * importer that downloads into it, a text naming it): the caller's, as KFP's compiler takes a nested pipeline's use of it
   * for the root's ({@code critical/pipeline_with_importer_workspace.py}); a called pipeline's own {@code workspaceSize} is
   * not in the caller's spec. Else an error on the call, and false.
   */
  private boolean workspaceFor(PipelineBuilder graph, Map<String, Pipeline> flatCalls) {
    if (graph.pipeline().settings() != null && graph.pipeline().settings().workspace() != null) {
      return true;
    }
    boolean ok = true;
    for (TaskBuilder t : graph.pipelineCalls()) {
      String use = workspaceUse(flatCalls.get(t.name()));
      if (use != null) {
        reporter.error(t.position(), Message.CALLED_WORKSPACE_NOT_SET, t.pipelineCall().pipelineName(), use);
        ok = false;
      }
    }
    return ok;
  }

  /** How {@code p} uses the run's workspace ({@code importer 'importer' downloads into it}), or null when it does not. */
  private static String workspaceUse(Pipeline p) {
    if (p == null) {
      return null;
    }
    List<String> uses = new ArrayList<>();
    dev.kfp4j.model.Nodes.walk(p.nodes(), n -> {
      if (n instanceof dev.kfp4j.model.ImporterStep i && i.downloadToWorkspace()) {
        uses.add("its importer '" + i.name() + "' downloads into it (downloadToWorkspace(true))");
      } else if (n instanceof dev.kfp4j.model.Step step && step.arguments().values().stream()
          .anyMatch(a -> a instanceof Argument.Constant c && c.text().contains(dev.kfp4j.model.Workspace.PLACEHOLDER))) {
        uses.add("its task '" + step.name() + "' names it (Dsl.WORKSPACE_PATH)");
      }
    });
    return uses.isEmpty() ? null : uses.get(0);
  }

  /**
   * {@code model} with the stand-in task of each call in {@code calls} (by the call's name) but the
   * exit task a {@link CalledPipeline} of the pipeline it calls, given the stand-in's arguments: by
   * name, or by position when the call's names are not the pipeline's (a class file compiled without
   * {@code -parameters}: {@code arg0}, {@code arg1}).
   */
  private static Pipeline nest(Pipeline model, Map<String, Pipeline> calls) {
    return model.withNodes(Nodes.replaceTasks(model.nodes(), t -> calls.containsKey(t.name()) ? call(t, calls.get(t.name())) : t,
        false));
  }

  private static CalledPipeline call(Task standIn, Pipeline callee) {
    if (dev.kfp4j.model.RunSetting.afterFailure(standIn)) { // the exit task of one of several exit handlers
      return HandlerExitCall.of(standIn, callee, given(standIn, callee));
    }
    // the settings a call takes (a pipeline file's display name, caching and cache key; a called @Pipeline's caching off by
    // kfp4j.disableExecutionCachingByDefault); its others stay on the stand-in
    List<dev.kfp4j.model.TaskSetting> settings = standIn.settings().stream().filter(CalledPipeline::takes).toList();
    return new CalledPipeline(standIn.name(), callee, given(standIn, callee), standIn.after(), settings);
  }

  /** The arguments the stand-in {@code standIn} gives the pipeline {@code callee} by its parameters' names. */
  private static Map<String, Argument> given(Task standIn, Pipeline callee) {
    Map<String, Argument> given = new LinkedHashMap<>();
    PipelineCall.parameters(standIn.component(), callee).forEach((input, parameter) -> {
      Argument value = standIn.arguments().get(input);
      if (value != null) {
        given.put(parameter, value);
      }
    });
    return given;
  }

  /** The names of the pipelines from {@code from} to {@code to} through waiting calls ({@code from} first), or null. */
  private List<String> circle(String from, String to) {
    Waiting w = waiting.get(from);
    if (w == null) {
      return null;
    }
    for (TaskBuilder t : w.graph().pipelineCalls()) {
      String next = t.pipelineCall().source();
      List<String> rest = next.equals(to) ? new ArrayList<>() : done.containsKey(next) ? null : circle(next, to);
      if (rest != null) {
        rest.add(0, w.pipeline().name());
        return rest;
      }
    }
    return null;
  }

  /**
   * Reads the KFP 2 pipeline file the op {@code call} calls runs ({@link dev.kfp4j.format.kfp2.Kfp2PipelineFile}), its calls
   * kept, as KFP's compiler nests a loaded pipeline. For a {@code pipeline} written for Argo too, each of its tasks must be
   * one KFP v1 runs (no executor input, no artifact URI): else a {@code NotInArgo} error on the call, and false.
   */
  private boolean fromFile(PipelineModel pipeline, TaskBuilder call) {
    String file = call.pipelineCall().file();
    Pipeline read;
    try {
      read = pipelineFiles.apply(file);
    } catch (FormatException | SpecException | IllegalArgumentException e) {
      reporter.error(call.position(), Message.NESTED_PIPELINE, call.pipelineCall().pipelineName(), e.getMessage());
      return false;
    }
    if (pipeline.writes(Format.ARGO)) {
      for (dev.kfp4j.model.Node n : Flattening.flat(read).allNodes()) {
        String why = n instanceof Task t ? dev.kfp4j.processor.validation.graph.ArgoCheck.notInArgo(t.component()) : null;
        if (why != null) {
          reporter.error(call.position(), Message.PIPELINE_FILE_NOT_IN_ARGO, call.name(), file, n.name(), why);
          return false;
        }
      }
    }
    done.put(call.pipelineCall().source(), read);
    return true;
  }

  /**
   * Reads the pipeline {@code call} calls from the class path: its Argo workflow when {@code
   * pipeline} is written for Argo (its tasks' command lines are KFP v1's, which both formats
   * write), with the outputs its KFP 2 spec gives (Argo has none); else its KFP 2 spec. False,
   * with an error on the call, when what is needed is not there.
   */
  private boolean fromClassPath(PipelineModel pipeline, TaskBuilder call) {
    String name = call.pipelineCall().pipelineName();
    String kfp2 = PipelineModel.kfp2ResourcePath(name);
    String argo = PipelineModel.resourcePath(name);
    boolean outputs = !call.component().outputs().isEmpty();
    try {
      String kfp2Text = resources.apply(kfp2);
      Pipeline read = kfp2Text == null ? null : Kfp2Reader.read(kfp2Text, kfp2);
      if (pipeline.writes(Format.ARGO)) {
        String argoText = resources.apply(argo);
        if (argoText == null && read != null && read.parameters().stream().anyMatch(dev.kfp4j.model.Parameter::isArtifact)) {
          reporter.error(call.position(), Message.NESTED_PIPELINE, name, "it takes an artifact, so it is compiled for KFP 2 only,"
              + " and a pipeline written for Argo puts its tasks in only when compiled with it; compile its class with this one, or"
              + " write this pipeline for KFP 2 only: @Pipeline(formats = Format.KFP2)");
          return false;
        }
        if (argoText == null || (outputs && read == null)) {
          reporter.error(call.position(), Message.NESTED_PIPELINE, name, "it is not compiled with this pipeline, and " + argo
              + (outputs ? " and " + kfp2 + " (its outputs)" : "") + " are not both on the class path; compile its class with this one,"
              + " or put the jar it is compiled into, for both formats, on the class path");
          return false;
        }
        Pipeline workflow = ArgoReader.readToWrite(argoText, argo); // written into this one: what it would lose is refused
        read = new Pipeline(workflow.name(), workflow.description(), workflow.parameters(), workflow.nodes(), workflow.exitTask(),
            workflow.settings(), workflow.source(), read == null ? java.util.Map.of() : read.outputs());
      } else if (read == null) {
        reporter.error(call.position(), Message.NESTED_PIPELINE, name, "it is not compiled with this pipeline, and " + kfp2
            + " is not on the class path; compile its class with this one, or put the jar it is compiled into, with its KFP 2 spec,"
            + " on the class path");
        return false;
      }
      done.put(call.pipelineCall().source(), read);
      return true;
    } catch (FormatException | SpecException | IllegalArgumentException e) {
      reporter.error(call.position(), Message.NESTED_PIPELINE, name, "its file on the class path cannot be read: " + e.getMessage());
    }
    return false;
  }
}
