package dev.kfp4j.processor.javac;

import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.kfp4j.processor.base.CachingDefault;
import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.base.Reporter;
import dev.kfp4j.processor.graph.PipelineBuilder;
import dev.kfp4j.processor.model.PipelineModel;
import dev.kfp4j.processor.validation.ComponentValidator;
import dev.kfp4j.processor.validation.PipelineValidator;
import dev.kfp4j.processor.validation.TypeMapper;
import dev.kfp4j.spec.ComponentSpec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Reads {@code @Pipeline} bodies with javac's Tree API once javac has analysed their class, when
 * every call to a generated op is resolved (in a round, symbols of the body are wrong where it
 * uses classes generated in that round). A {@link TaskListener} after {@code ANALYZE} can still
 * report at a tree position and write through the {@code Filer}.
 */
public final class PipelineBodies {
  /** What becomes of a body read. */
  public interface Sink {
    /** {@code pipeline}'s body, read into {@code graph}; errors met while reading are reported. */
    void read(PipelineModel pipeline, PipelineBuilder graph);

    /** Every body queued so far has been read. */
    void idle();

    /**
     * Pipeline {@code name} ({@code method}), whose signature has errors (reported), its body read into {@code graph} for
     * its own mistakes (reported), null when it was not read (javac stopped before analysing its class, a return type it
     * has not); {@code name} null when javac cannot resolve it. Nothing is written for it.
     */
    void checked(String name, ExecutableElement method, PipelineBuilder graph);
  }

  /**
   * A {@code @Pipeline} method whose signature has errors, checked again once its class is analysed, where its errors are
   * reported with its body's: the enclosing class's name, the method as {@link ComponentValidator#describe} names it, and
   * the check, which reports the signature's errors.
   */
  private record Recheck(String owner, String source, Function<ExecutableElement, PipelineValidator.Checked> check) {}

  private final ProcessingEnvironment env;
  private final Reporter reporter;
  private final Function<String, ComponentSpec> specs;
  private final Function<String, java.util.Set<String>> pipelineFiles;
  private final java.util.function.BiFunction<String, javax.lang.model.element.TypeElement, String> namedBy;
  private final TypeMapper types;
  private final Sink sink;
  /** Whether tasks cache unless told otherwise, as {@link CachingDefault}'s option says (read once a compile). */
  private final boolean cachingByDefault;
  /** Pipelines waiting for their top-level class to be analysed, by its name. */
  private final Map<String, List<PipelineModel>> pending = new LinkedHashMap<>();
  /** Pipelines with errors in their signatures waiting for their top-level class to be analysed, by its name. */
  private final Map<String, List<Recheck>> rechecks = new LinkedHashMap<>();
  private Trees trees;
  private boolean listening;
  private boolean unavailable;

  /**
   * {@code specs}: the component spec at a resource path (null: none); {@code pipelineFiles}: the outputs of the KFP 2 pipeline
   * file at a resource path that are lists of artifacts, null when it is no pipeline file (a pipeline file's op's call runs it
   * as a pipeline in a pipeline); {@code namedBy} notes the class from the class path that names a file (an op's class, a called
   * pipeline's), whose jar or classes folder holds it, and returns why it cannot be read from there (null: it can).
   */
  public PipelineBodies(ProcessingEnvironment env, Reporter reporter, Function<String, ComponentSpec> specs,
      Function<String, java.util.Set<String>> pipelineFiles,
      java.util.function.BiFunction<String, javax.lang.model.element.TypeElement, String> namedBy, Sink sink) {
    this.env = env;
    this.reporter = reporter;
    this.specs = specs;
    this.pipelineFiles = pipelineFiles;
    this.namedBy = namedBy;
    this.types = new TypeMapper(env.getTypeUtils(), env.getElementUtils());
    this.sink = sink;
    this.cachingByDefault = cachingByDefault(env);
  }

  /** Queues {@code pipeline}'s body; false, with one error for the build, where javac's Tree API is missing. */
  public boolean queue(PipelineModel pipeline) {
    if (!listen(pipeline.element())) {
      return false;
    }
    pending.computeIfAbsent(outermost(pipeline.element()), k -> new ArrayList<>()).add(pipeline);
    return true;
  }

  /**
   * Queues {@code method}, whose signature has errors, to be checked by {@code check} once its class is analysed, which
   * reports them, then its body's own mistakes: an error in the round would stop javac before it analyses any class, and
   * every other pipeline's body would go unread. False where javac's Tree API is missing (then nothing is queued).
   */
  public boolean queueCheck(ExecutableElement method, Function<ExecutableElement, PipelineValidator.Checked> check) {
    if (!listen(method)) {
      return false;
    }
    rechecks.computeIfAbsent(outermost(method), k -> new ArrayList<>()).add(new Recheck(
        ((TypeElement) method.getEnclosingElement()).getQualifiedName().toString(), ComponentValidator.describe(method), check));
    return true;
  }

  private static String outermost(Element e) {
    Element top = e.getEnclosingElement();
    while (top.getEnclosingElement() instanceof TypeElement t) {
      top = t;
    }
    return ((TypeElement) top).getQualifiedName().toString();
  }

  private boolean listen(ExecutableElement method) {
    if (listening || unavailable) {
      return listening;
    }
    try {
      ProcessingEnvironment javac = unwrap(env);
      JavacTask task = JavacTask.instance(javac);
      trees = Trees.instance(javac);
      task.addTaskListener(new TaskListener() {
        @Override
        public void finished(TaskEvent event) {
          if (event.getKind() == TaskEvent.Kind.ANALYZE && event.getTypeElement() != null) {
            analysed(event.getTypeElement());
          } else if (event.getKind() == TaskEvent.Kind.COMPILATION) {
            unanalysed();
          }
        }
      });
      listening = true;
    } catch (RuntimeException | LinkageError e) {
      unavailable = true;
      reporter.error(method, Message.TREES_UNAVAILABLE, env.getClass().getName());
    }
    return listening;
  }

  /**
   * javac's own environment behind a wrapper (Gradle's incremental processing and IDEs wrap it
   * and keep the original in a field); the environment itself when it is javac's or none is found.
   */
  static ProcessingEnvironment unwrap(ProcessingEnvironment env) {
    ProcessingEnvironment current = env;
    for (int depth = 0; depth < 5 && !current.getClass().getName().startsWith("com.sun.tools.javac."); depth++) {
      ProcessingEnvironment inner = wrapped(current);
      if (inner == null) {
        return current;
      }
      current = inner;
    }
    return current;
  }

  private static ProcessingEnvironment wrapped(ProcessingEnvironment env) {
    for (Class<?> c = env.getClass(); c != null; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (ProcessingEnvironment.class.isAssignableFrom(f.getType())) {
          try {
            f.setAccessible(true);
            if (f.get(env) instanceof ProcessingEnvironment inner) {
              return inner;
            }
          } catch (ReflectiveOperationException | RuntimeException e) {
            // not readable: try the next field
          }
        }
      }
    }
    return null;
  }

  private void analysed(TypeElement type) {
    for (Recheck r : rechecks.getOrDefault(type.getQualifiedName().toString(), List.of())) {
      recheckSafely(r, true);
    }
    rechecks.remove(type.getQualifiedName().toString());
    List<PipelineModel> pipelines = pending.remove(type.getQualifiedName().toString());
    if (pipelines == null) {
      return;
    }
    for (PipelineModel p : pipelines) {
      readSafely(p);
    }
    if (pending.isEmpty()) {
      try {
        sink.idle();
      } catch (Throwable t) {
        internalError(type, t);
      }
    }
  }

  private void internalError(Element element, Throwable t) {
    StringWriter trace = new StringWriter();
    t.printStackTrace(new PrintWriter(trace));
    reporter.error(element, Message.INTERNAL_ERROR, trace);
  }

  /** At the end of the compilation: the signatures of pipelines whose classes javac did not analyse (it stopped at an error). */
  private void unanalysed() {
    for (List<Recheck> left : rechecks.values()) {
      left.forEach(r -> recheckSafely(r, false));
    }
    rechecks.clear();
  }

  /** Checks {@code r}'s signature again, reporting its errors, then (when {@code readBody}) its body's. */
  private void recheckSafely(Recheck r, boolean readBody) {
    ExecutableElement method = current(r.owner(), r.source());
    if (method == null) {
      return;
    }
    try {
      PipelineValidator.Checked checked = r.check().apply(method);
      if (checked.model() != null) { // no error after all
        return;
      }
      PipelineBuilder graph = checked.partial() == null || !readBody ? null
          : read(checked.partial().withElement(method), method, checked.failedParameters());
      if (graph != null) {
        graph.markIncomplete();
      }
      sink.checked(checked.name(), method, graph);
    } catch (Throwable t) {
      internalError(method, t);
    }
  }

  private void readSafely(PipelineModel pipeline) {
    ExecutableElement method = current(pipeline.owner().canonicalName(), pipeline.source());
    try {
      pipeline = method == null ? pipeline : pipeline.withElement(method);
      PipelineBuilder graph = method == null ? null : read(pipeline, method, java.util.Set.of());
      if (graph != null) {
        sink.read(pipeline, graph);
      }
    } catch (Throwable t) {
      internalError(method != null ? method : pipeline.element(), t);
    }
  }

  /**
   * {@code pipeline}'s body ({@code method}'s), read into a graph, errors reported (the graph then incomplete); uses of
   * the parameters named {@code failedParameters} are no errors. Null when javac has no tree of it.
   */
  private PipelineBuilder read(PipelineModel pipeline, ExecutableElement method, java.util.Set<String> failedParameters) {
    TreePath path = trees.getPath(method);
    if (path == null) {
      return null;
    }
    PipelineBuilder graph = new PipelineBuilder(pipeline);
    graph.cachingByDefault(cachingByDefault);
    graph.at(new TreePosition(trees, path.getCompilationUnit(), path.getLeaf())); // kept: javac forgets the trees of a class written
    int errors = reporter.errorCount();
    Body body = new Body(trees, path.getCompilationUnit(), reporter, graph, specs, pipelineFiles, namedBy, types);
    method.getParameters().stream().filter(p -> failedParameters.contains(p.getSimpleName().toString()))
        .forEach(body.failedParameters::add);
    new BodyReader(body).read(path);
    if (reporter.errorCount() > errors) {
      graph.markIncomplete();
    }
    return graph;
  }

  /** Whether tasks cache unless told otherwise: {@link CachingDefault}'s option (a bad value, which the processor reports, as left out). */
  private static boolean cachingByDefault(ProcessingEnvironment env) {
    try {
      return CachingDefault.cachingByDefault(env.getOptions());
    } catch (IllegalArgumentException e) {
      return true;
    }
  }

  /** The method's symbol now: symbols seen in a round may be replaced by the time its class is analysed. */
  private ExecutableElement current(String ownerName, String source) {
    TypeElement owner = env.getElementUtils().getTypeElement(ownerName);
    if (owner == null) {
      return null;
    }
    for (Element e : owner.getEnclosedElements()) {
      if (e instanceof ExecutableElement m && ComponentValidator.describe(m).equals(source)) {
        return m;
      }
    }
    return null;
  }
}
