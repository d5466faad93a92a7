package dev.kfp4j.processor.pipeline;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeName;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.kfp4j.processor.base.Javadoc;
import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.base.Reporter;
import dev.kfp4j.processor.model.ComponentModel;
import dev.kfp4j.processor.model.ValueKind;
import dev.kfp4j.processor.validation.ComponentValidator;
import dev.kfp4j.processor.validation.TypeMapper;
import dev.kfp4j.processor.writer.ComponentSpecs;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.ComponentYaml;
import dev.kfp4j.spec.Names;
import dev.kfp4j.yaml.Yaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Compiles {@code @Pipeline} methods. In the round: checks the signature and writes the pipeline
 * class. After javac has analysed the class (when calls to generated ops are resolved): reads the
 * body into a graph, checks it, and writes the workflow YAML.
 */
public final class PipelineStep {
  private static final String PIPELINE = "dev.kfp4j.annotations.Pipeline";
  private static final String DEFAULT = "dev.kfp4j.annotations.Default";

  private final ProcessingEnvironment env;
  private final Reporter reporter;
  private final ComponentValidator validator;
  private final TypeMapper mapper;
  private final Map<String, ComponentSpec> specs = new HashMap<>();
  private final Map<String, ExecutableElement> pipelineNames = new HashMap<>();
  /** Pipelines waiting for their top-level class to be analysed. */
  private final Map<TypeElement, List<PipelineModel>> pending = new LinkedHashMap<>();
  private final Map<PipelineModel, PipelineOptions> options = new HashMap<>();
  private Trees trees;
  private boolean listening;
  private boolean treesUnavailable;

  public PipelineStep(ProcessingEnvironment env, Reporter reporter, ComponentValidator validator) {
    this.env = env;
    this.reporter = reporter;
    this.validator = validator;
    this.mapper = new TypeMapper(env.getTypeUtils(), env.getElementUtils());
  }

  /** A spec read from {@code resource} in this build, for pipelines that call its ops. */
  public void registerSpec(String resource, ComponentSpec spec) {
    specs.put(resource, spec);
  }

  public void registerComponent(ComponentModel model) {
    specs.put(model.resourcePath(), ComponentSpecs.of(model));
  }

  /** Checks a {@code @Pipeline} method, writes its class, and queues its body for reading. */
  public void collect(ExecutableElement method) throws IOException {
    int before = reporter.errorCount();
    AnnotationMirror annotation = ComponentValidator.annotation(method, PIPELINE);
    validator.checkModifiers(method, "Pipeline", annotation);
    String methodName = method.getSimpleName().toString();
    if (method.getReturnType().getKind() != TypeKind.VOID) {
      reporter.error(method, Message.PIPELINE_NOT_VOID, methodName);
    }
    String name = ComponentValidator.stringValue(annotation, "name");
    if (name.isEmpty()) {
      name = Names.kebab(methodName);
    }
    validator.checkName(method, annotation, "pipeline", name);
    ExecutableElement previous = pipelineNames.putIfAbsent(name, method);
    if (previous != null && previous != method) {
      reporter.error(method, annotation, Message.DUPLICATE_PIPELINE, name, ComponentValidator.describe(previous));
    }
    Javadoc doc = Javadoc.parse(env.getElementUtils().getDocComment(method));
    String description = ComponentValidator.stringValue(annotation, "description");
    if (description.isEmpty()) {
      description = doc.text();
    }
    String serviceAccount = ComponentValidator.stringValue(annotation, "serviceAccount");
    if (ComponentValidator.value(annotation, "serviceAccount") == null) {
      serviceAccount = "pipeline-runner";
    }
    List<PipelineModel.Parameter> parameters = new ArrayList<>();
    for (VariableElement p : method.getParameters()) {
      PipelineModel.Parameter param = parameter(p);
      if (param != null) {
        parameters.add(param);
      }
    }
    if (reporter.errorCount() > before) {
      return;
    }
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    PipelineModel model = new PipelineModel(
        method, ClassName.get(owner), methodName, name, description, serviceAccount, parameters,
        ComponentValidator.describe(method));
    String generated = model.pipelineClass().canonicalName();
    if (env.getElementUtils().getTypeElement(generated) != null) {
      reporter.error(method, annotation, Message.PIPELINE_CLASS_CLASH, methodName, generated);
      return;
    }
    options.put(model, options(method, annotation));
    JavaFile file = PipelineClassWriter.write(model);
    file.writeTo(env.getFiler());
    if (!listen(method)) {
      return;
    }
    pending.computeIfAbsent(outermost(owner), k -> new ArrayList<>()).add(model);
  }

  private PipelineOptions options(ExecutableElement method, AnnotationMirror a) {
    Object ttl = ComponentValidator.value(a, "ttlSecondsAfterFinished");
    Object deadline = ComponentValidator.value(a, "activeDeadlineSeconds");
    Object parallelism = ComponentValidator.value(a, "parallelism");
    return new PipelineOptions(
        ttl == null ? -1 : (Integer) ttl,
        deadline == null ? 0 : (Long) deadline,
        parallelism == null ? 0 : (Integer) parallelism,
        ComponentValidator.strings(a, "imagePullSecrets"),
        validator.keyValues(method, a, "nodeSelector"),
        ComponentValidator.stringValue(a, "podGc"));
  }

  private PipelineModel.Parameter parameter(VariableElement p) {
    String name = p.getSimpleName().toString();
    TypeMirror type = p.asType();
    ValueKind kind;
    try {
      kind = mapper.kind(type);
    } catch (TypeMapper.Unsupported u) {
      reporter.error(p, u.message, name, u.detail);
      return null;
    }
    if (kind == null) {
      reporter.error(p, Message.PIPELINE_PARAMETER_TYPE, name, type);
      return null;
    }
    AnnotationMirror dflt = ComponentValidator.annotation(p, DEFAULT);
    String defaultText = null;
    if (dflt != null) {
      defaultText = validator.checkDefault(p, dflt, name, ComponentValidator.stringValue(dflt, "value"), kind, type);
      if (defaultText == null) {
        return null;
      }
    }
    return new PipelineModel.Parameter(name, kind, TypeName.get(type), kind.kfpType(), defaultText);
  }

  private static TypeElement outermost(TypeElement type) {
    Element e = type;
    while (e.getEnclosingElement() instanceof TypeElement t) {
      e = t;
    }
    return (TypeElement) e;
  }

  /** Registers the ANALYZE listener once; false (with one error) where javac's Tree API is missing. */
  private boolean listen(ExecutableElement method) {
    if (listening) {
      return true;
    }
    if (treesUnavailable) {
      return false;
    }
    try {
      ProcessingEnvironment javac = unwrap(env);
      JavacTask task = JavacTask.instance(javac);
      trees = Trees.instance(javac);
      task.addTaskListener(new TaskListener() {
        @Override
        public void finished(TaskEvent event) {
          if (event.getKind() == TaskEvent.Kind.ANALYZE && event.getTypeElement() != null) {
            List<PipelineModel> models = pending.remove(event.getTypeElement());
            if (models != null) {
              for (PipelineModel m : models) {
                compileSafely(m);
              }
            }
          }
        }
      });
      listening = true;
      return true;
    } catch (RuntimeException | LinkageError e) {
      treesUnavailable = true;
      reporter.error(method, Message.TREES_UNAVAILABLE, env.getClass().getName());
      return false;
    }
  }

  /**
   * javac's own environment behind a wrapper (Gradle's incremental processing, IDEs wrap it and
   * keep the original in a field); the environment itself when it is javac's or none is found.
   */
  static ProcessingEnvironment unwrap(ProcessingEnvironment env) {
    ProcessingEnvironment current = env;
    for (int depth = 0; depth < 5; depth++) {
      if (current.getClass().getName().startsWith("com.sun.tools.javac.")) {
        return current;
      }
      ProcessingEnvironment inner = null;
      for (Class<?> c = current.getClass(); c != null && inner == null; c = c.getSuperclass()) {
        for (java.lang.reflect.Field f : c.getDeclaredFields()) {
          if (ProcessingEnvironment.class.isAssignableFrom(f.getType())) {
            try {
              f.setAccessible(true);
              inner = (ProcessingEnvironment) f.get(current);
            } catch (ReflectiveOperationException | RuntimeException e) {
              inner = null;
            }
            if (inner != null) {
              break;
            }
          }
        }
      }
      if (inner == null) {
        return current;
      }
      current = inner;
    }
    return current;
  }

  private void compileSafely(PipelineModel model) {
    try {
      compile(model);
    } catch (Throwable t) {
      StringWriter trace = new StringWriter();
      t.printStackTrace(new PrintWriter(trace));
      ExecutableElement fresh = current(model);
      reporter.error(fresh != null ? fresh : model.element(), Message.INTERNAL_ERROR, trace);
    }
  }

  private void compile(PipelineModel model) throws IOException {
    // Symbols seen in a round may be replaced by the time the class is analysed: look it up again.
    ExecutableElement method = current(model);
    TreePath path = method == null ? null : trees.getPath(method);
    if (path == null) {
      return;
    }
    PipelineOptions pipelineOptions = options.get(model);
    model = new PipelineModel(method, model.owner(), model.methodName(), model.name(), model.description(),
        model.serviceAccount(), model.parameters(), model.source());
    BodyReader reader = new BodyReader(trees, path.getCompilationUnit(), this::spec, model);
    Graph graph = reader.read(path);
    checkCycles(graph, reader);
    if (reader.errors() > 0) {
      return;
    }
    WorkflowWriter writer = new WorkflowWriter(graph, pipelineOptions);
    String yaml = Yaml.write(writer.write(), "Generated by kfp4j from " + model.source() + ". Do not edit.", writer.flowNodes());
    FileObject file = env.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", model.resourcePath(), model.element());
    try (Writer w = new OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
      w.write(yaml);
    }
  }

  private ExecutableElement current(PipelineModel model) {
    TypeElement owner = env.getElementUtils().getTypeElement(model.owner().canonicalName());
    if (owner == null) {
      return null;
    }
    for (Element e : owner.getEnclosedElements()) {
      if (e instanceof ExecutableElement m && ComponentValidator.describe(m).equals(model.source())) {
        return m;
      }
    }
    return null;
  }

  /** The spec at a resource path: compiled in this build, else read from the class output or classpath. */
  private ComponentSpec spec(String path) {
    ComponentSpec spec = specs.get(path);
    if (spec != null) {
      return spec;
    }
    for (StandardLocation location : new StandardLocation[] {StandardLocation.CLASS_OUTPUT, StandardLocation.CLASS_PATH}) {
      try {
        FileObject f = env.getFiler().getResource(location, "", path);
        try (InputStream in = f.openInputStream()) {
          spec = ComponentYaml.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), path);
          specs.put(path, spec);
          return spec;
        }
      } catch (IOException | IllegalArgumentException e) {
        // not there; try the next location
      }
    }
    return null;
  }

  private static void checkCycles(Graph graph, BodyReader reader) {
    Set<Graph.Node> done = new HashSet<>();
    for (Graph.Node start : graph.tasks) {
      Deque<Graph.Node> stack = new ArrayDeque<>();
      if (cycle(start, done, new HashSet<>(), stack)) {
        List<String> names = new ArrayList<>();
        stack.descendingIterator().forEachRemaining(n -> names.add(n.name));
        Graph.Node first = stack.peekLast();
        names.add(first.name);
        reader.error((com.sun.source.tree.Tree) first.tree, Message.CYCLE, String.join(" -> ", names));
        return;
      }
    }
  }

  private static boolean cycle(Graph.Node n, Set<Graph.Node> done, Set<Graph.Node> onStack, Deque<Graph.Node> stack) {
    if (done.contains(n)) {
      return false;
    }
    if (onStack.contains(n)) {
      // trim the stack to the cycle
      while (!stack.isEmpty() && stack.peekLast() != n) {
        stack.removeLast();
      }
      return true;
    }
    onStack.add(n);
    stack.push(n);
    for (Graph.Node d : n.dependencies()) {
      if (cycle(d, done, onStack, stack)) {
        return true;
      }
    }
    stack.pop();
    onStack.remove(n);
    done.add(n);
    return false;
  }
}
