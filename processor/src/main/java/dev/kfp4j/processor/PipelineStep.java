package dev.kfp4j.processor;

import com.palantir.javapoet.ClassName;
import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.argo.ArgoWriter;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.processor.base.Annotations;
import dev.kfp4j.processor.base.Format;
import dev.kfp4j.processor.base.FormatMessage;
import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.base.Reporter;
import dev.kfp4j.processor.graph.GraphCall;
import dev.kfp4j.processor.graph.PipelineBuilder;
import dev.kfp4j.processor.graph.StepBuilder;
import dev.kfp4j.processor.graph.TaskBuilder;
import dev.kfp4j.processor.javac.PipelineBodies;
import dev.kfp4j.processor.javac.Sources;
import dev.kfp4j.processor.model.PipelineModel;
import dev.kfp4j.processor.validation.ComponentValidator;
import dev.kfp4j.processor.validation.PipelineValidator;
import dev.kfp4j.processor.validation.graph.GraphChecks;
import dev.kfp4j.processor.writer.PipelineClassWriter;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.Names;
import dev.kfp4j.spec.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.annotation.processing.FilerException;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Compiles {@code @Pipeline} methods. In the round: checks the signature and writes the pipeline
 * class. Once javac has analysed the class: reads the body into the DAG, checks it, builds the
 * pipeline model and writes it in each of its formats (the Argo Workflow, KFP 2's pipeline spec);
 * when every body is read, the index of what was written ({@link PipelineIndex}).
 */
final class PipelineStep implements PipelineBodies.Sink {
  private final ProcessingEnvironment env;
  private final Reporter reporter;
  private final PipelineValidator validator;
  private final SpecSource specs;
  private final Sources sources;
  private final PipelineIndex index;
  private final PipelineBodies bodies;
  private final NestedPipelines nested;
  private final OtherModulePipelines others;
  /** The digest of the files written for each pipeline, by method. */
  private final Map<String, String> written = new java.util.HashMap<>();
  /** The source file of each pipeline read, by method. */
  private final Map<String, String> files = new java.util.HashMap<>();
  private final Consumer<Pipeline> models;
  private final List<PipelineModel> read = new ArrayList<>();
  /** The pipeline classes written so far, by qualified name: the method each was generated for. */
  private final Map<String, String> generatedFor = new java.util.HashMap<>();
  private boolean indexWritten;

  PipelineStep(ProcessingEnvironment env, Reporter reporter, PipelineValidator validator, SpecSource specs, Sources sources,
      PipelineIndex index, Consumer<Pipeline> models) {
    this.env = env;
    this.reporter = reporter;
    this.validator = validator;
    this.specs = specs;
    this.sources = sources;
    this.index = index;
    this.models = models;
    this.bodies = new PipelineBodies(env, reporter, specs::spec, this::pipelineFileLists, specs::namedBy, this);
    this.nested = new NestedPipelines(specs::read, reporter, this::write, specs::pipelineFile);
    this.others = new OtherModulePipelines(env.getFiler(), env.getElementUtils(), sources, specs::namers);
  }

  /**
   * The outputs of the KFP 2 pipeline file at {@code resource} that are lists of artifacts; null when it is no pipeline file,
   * or cannot be read as one (its import said why).
   */
  private java.util.Set<String> pipelineFileLists(String resource) {
    try {
      return specs.pipelineFile(resource) == null ? null : specs.artifactLists(resource);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * Checks a {@code @Pipeline} method, writes its class, and queues its body to be read. A method whose signature has
   * errors, or whose class would be named as a type that is there already, gets no class: it is queued to be checked
   * again once javac has analysed its class, where its errors are reported, with the clash its class would have (not in the
   * build after they are fixed), then its body's own (reported now, they would stop javac before it analyses any class).
   */
  void collect(ExecutableElement method) throws IOException {
    PipelineModel pipeline = reporter.silently(() -> validator.validate(method));
    if (pipeline == null) {
      Function<ExecutableElement, PipelineValidator.Checked> check = m -> {
        PipelineValidator.Checked checked = validator.check(m);
        checkClass(m);
        return checked;
      };
      if (!bodies.queueCheck(method, check)) {
        check.apply(method);
      }
      return;
    }
    String generated = pipeline.pipelineClass().canonicalName();
    String taken = taken(generated, generatedFor.putIfAbsent(generated, pipeline.source()), pipeline.source());
    if (taken == null) {
      try {
        Output.java(env.getFiler(), PipelineClassWriter.write(pipeline));
      } catch (FilerException e) {
        taken = "already a type of this compilation";
      }
    }
    if (taken != null) {
      String holder = taken;
      Function<ExecutableElement, PipelineValidator.Checked> check = m -> {
        clash(m, generated, holder);
        return new PipelineValidator.Checked(null, pipeline, java.util.Set.of(), pipeline.name());
      };
      if (!bodies.queueCheck(method, check)) {
        check.apply(method);
      }
      return;
    }
    bodies.queue(pipeline);
  }

  /**
   * Reports the clash of the class kfp4j would generate for {@code method}, which gets none (its signature has errors), when
   * its name is taken: beside those errors, not in the build after they are fixed.
   */
  private void checkClass(ExecutableElement method) {
    String generated = PipelineModel.pipelineClass(ClassName.get((TypeElement) method.getEnclosingElement()),
        method.getSimpleName().toString()).canonicalName();
    String taken = taken(generated, generatedFor.get(generated), ComponentValidator.describe(method));
    if (taken != null) {
      clash(method, generated, taken);
    }
  }

  /**
   * What already holds {@code generated}, the name of the class kfp4j generates for pipeline method {@code source}: {@code
   * other}, the pipeline method it was generated for in this compilation, or a type; null when nothing does. A type an
   * earlier compilation generated for the method is its own, unless a source compiled now declares it too.
   */
  private String taken(String generated, String other, String source) {
    return other != null && !other.equals(source) ? "what kfp4j generates for pipeline method '" + other + "' too"
        : env.getElementUtils().getTypeElement(generated) != null
            && (sources.compiledNow(generated) || !index.generatedEarlier(generated, source)) ? "already a type" : null;
  }

  /**
   * Reports that the class generated for pipeline method {@code method} would be named {@code generated}, which is {@code
   * taken}: nothing is written for it, and its body is still read for its own mistakes. Checked again once javac has analysed
   * its class, as a signature's error is: reported in the round, it would stop javac before it analyses any class.
   */
  private void clash(ExecutableElement method, String generated, String taken) {
    reporter.error(method, Annotations.annotation(method, PipelineValidator.PIPELINE), Message.PIPELINE_CLASS_CLASH,
        method.getSimpleName(), generated, taken);
  }

  /**
   * Checks what can be checked of {@code method}, whose signature has a type still unknown in the last round (reported): its
   * name (not valid, another pipeline's, another module's pipeline's) and its class's (taken) are reported now, beside the
   * unknown type, not once it is fixed.
   */
  void checkUnresolved(ExecutableElement method) {
    checkOtherModule(validator.claimName(method), method);
    checkClass(method);
  }

  @Override
  public void checked(String name, ExecutableElement method, PipelineBuilder graph) {
    if (graph != null) {
      GraphChecks.check(graph, reporter);
    }
    checkOtherModule(name, method); // as for a pipeline without errors: beside its signature's, not once they are fixed
  }

  @Override
  public void read(PipelineModel pipeline, PipelineBuilder graph) {
    boolean sound = GraphChecks.check(graph, reporter) && !graph.incomplete();
    boolean ownName = checkOtherModule(pipeline.name(), pipeline.element());
    if (!sound || !ownName) {
      nested.offer(pipeline, graph, null); // not written, but its calls are checked: their mistakes come in this build too
      return;
    }
    files.put(pipeline.source(), sources.file(pipeline.element())); // now: javac forgets a class's trees once it is written
    nested.offer(pipeline, graph, graph.build());
  }

  /**
   * Reports pipeline {@code name} ({@code method}) when another module's compiled pipeline on the class path has its name,
   * on its name; false then. Checked after its body is read, when there is one: the classes it calls are known, mistakes or
   * not. Whatever its graph and signature are: reported beside their mistakes, not in the build after they are fixed. A
   * name javac cannot resolve ({@code null}) or that is not valid (reported) is none of another module's.
   */
  private boolean checkOtherModule(String name, ExecutableElement method) {
    String other = name == null || Names.whyInvalidKubernetesName(name) != null ? null : others.holder(name, method);
    if (other != null) {
      reporter.error(method, Annotations.annotation(method, PipelineValidator.PIPELINE), "name", Message.PIPELINE_OF_OTHER_MODULE,
          name, other, name);
    }
    return other == null;
  }

  /**
   * Writes {@code model}, the pipeline read into {@code graph} with the pipelines it calls put in
   * (KFP 2's spec: {@code nested}, each call a DAG of its own); true when written.
   */
  private boolean write(PipelineModel pipeline, PipelineBuilder graph, Pipeline model, Pipeline nested) {
    if (pipeline.takesStatus()) { // runs only as another pipeline's exit task, put in there: no file of its own
      String digest = Sha256.hexOf(model.toString()); // what its callers put in, for the check of stale callers
      written.put(pipeline.source(), digest);
      index.compiled(pipeline, files.get(pipeline.source()), embedded(graph, model)); // its class, for a partial compilation
      checkCallers(pipeline, digest);
      read.add(pipeline);
      models.accept(model);
      return true;
    }
    String argo = pipeline.writes(Format.ARGO) ? format(pipeline, graph, model, ArgoWriter::write, FormatMessage.ARGO_NOT_WRITTEN) : "";
    String kfp2 = pipeline.writes(Format.KFP2) ? format(pipeline, graph, nested, Kfp2Writer::write, FormatMessage.KFP2_NOT_WRITTEN) : "";
    if (argo == null || kfp2 == null) {
      return false;
    }
    if (pipeline.writes(Format.ARGO)) {
      write(pipeline.resourcePath(), argo, pipeline);
    }
    if (pipeline.writes(Format.KFP2)) {
      write(pipeline.kfp2ResourcePath(), kfp2, pipeline);
    }
    String digest = Sha256.hexOf(argo + kfp2);
    written.put(pipeline.source(), digest);
    index.compiled(pipeline, files.get(pipeline.source()), embedded(graph, model));
    checkCallers(pipeline, digest);
    read.add(pipeline);
    models.accept(model);
    return true;
  }

  /**
   * {@code model} in a format; null, with an error on the method, when the format cannot express
   * it (the graph checks catch what they can where it is written; this is what is left).
   */
  private String format(PipelineModel pipeline, PipelineBuilder graph, Pipeline model, Function<Pipeline, String> writer,
      FormatMessage notWritten) {
    try {
      return writer.apply(model);
    } catch (FormatException | dev.kfp4j.spec.SpecException e) {
      if (graph.at() != null && !graph.pipelineCalls().isEmpty()) {
        reporter.error(graph.at(), notWritten, e.getMessage()); // written once the pipelines it calls are: its class may be written
      } else {
        reporter.error(pipeline.element(), notWritten, e.getMessage());
      }
      return null;
    }
  }

  private void write(String resource, String text, PipelineModel pipeline) {
    try {
      Output.resource(env.getFiler(), resource, text, pipeline.element());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The component specs the pipeline's tasks run, by resource, and the pipelines it calls, with their digests. */
  private Map<String, String> embedded(PipelineBuilder graph, Pipeline model) {
    Map<String, String> out = new TreeMap<>();
    for (StepBuilder s : graph.steps()) {
      if (s instanceof TaskBuilder t && t.graphCall() == null && t.pipelineCall() == null) {
        put(out, t.component());
      }
    }
    for (TaskBuilder call : graph.pipelineCalls()) {
      String file = call.pipelineCall().file();
      if (file != null) { // a KFP 2 pipeline file it runs: checked as a component file it embeds is
        if (specs.digest(file) != null) {
          out.put(file, specs.digest(file));
        }
        continue;
      }
      String digest = written.get(call.pipelineCall().source());
      if (digest != null) {
        out.put(calledKey(call.pipelineCall().pipelineName()), digest); // what it puts in of a pipeline compiled with it
      }
    }
    for (dev.kfp4j.model.Step s : model.steps()) {
      if (s instanceof dev.kfp4j.model.Task t) {
        put(out, t.component()); // those of the pipelines it calls too
      }
    }
    for (GraphCall call : graph.graphCalls()) {
      put(out, call.component());
    }
    return out;
  }

  /**
   * Reports the pipelines compiled earlier that put in another version of {@code pipeline} and are
   * not compiled now: their files still run its earlier tasks.
   */
  private void checkCallers(PipelineModel pipeline, String digest) {
    if (!sources.available()) {
      return;
    }
    for (PipelineIndex.Entry e : index.staleUsers(calledKey(pipeline.name()), () -> digest, sources::compiledNow)) {
      reporter.error(pipeline.element(), Message.STALE_CALLER, pipeline.name(), e.name(), e.file(), e.file());
    }
  }

  /** The key of a called pipeline in the index's entry of a pipeline that calls it, beside its component specs. */
  private static String calledKey(String pipelineName) {
    return PipelineModel.resourcePath(pipelineName);
  }

  private void put(Map<String, String> out, ComponentSpec spec) {
    String resource = specs.resource(spec);
    if (resource != null) {
      out.put(resource, specs.digest(resource));
    }
  }

  @Override
  public void idle() {
    if (read.isEmpty() || indexWritten || !sources.available()) {
      return;
    }
    indexWritten = true;
    try {
      index.write(sources::compiledNow);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
