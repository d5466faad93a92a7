package dev.kfp4j.processor;

import com.google.auto.service.AutoService;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.processor.base.Annotations;
import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.base.Reporter;
import dev.kfp4j.processor.javac.Sources;
import dev.kfp4j.processor.validation.ComponentValidator;
import dev.kfp4j.processor.validation.PipelineValidator;
import dev.kfp4j.processor.validation.TypeMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * The kfp4j annotation processor. Each round runs two steps: {@link ComponentStep} (the classes
 * holding {@code @Component} methods or {@code @ImportComponents}), then {@link PipelineStep}
 * (the {@code @Pipeline} methods, whose bodies are read once javac has analysed them). An element
 * whose signature uses a type not generated yet waits for a later round; what is still unresolved
 * in the last round is reported. Never claims annotations; no exception escapes.
 */
@AutoService(Processor.class)
public final class Kfp4jProcessor extends AbstractProcessor {
  /** Processor option: the default image of components that set none. */
  public static final String OPTION_IMAGE = "kfp4j.image";

  private static final String PIPELINE = "dev.kfp4j.annotations.Pipeline";

  private final Consumer<Pipeline> models;
  private Reporter reporter;
  private ComponentStep components;
  private PipelineStep pipelines;
  /** Classes of components, and pipeline methods, waiting for a type of their signatures, by name. */
  private final Set<String> deferredOwners = new LinkedHashSet<>();
  private final Map<String, String> deferredPipelines = new LinkedHashMap<>();

  public Kfp4jProcessor() {
    this(pipeline -> {});
  }

  /** A processor that also hands each pipeline model it writes to {@code models}: what tests assert on. */
  Kfp4jProcessor(Consumer<Pipeline> models) {
    this.models = models;
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(ComponentStep.COMPONENT, PIPELINE, ComponentStep.IMPORT);
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(OPTION_IMAGE);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    reporter = new Reporter(env.getMessager());
    TypeMapper mapper = new TypeMapper(env.getTypeUtils(), env.getElementUtils());
    ComponentValidator validator = new ComponentValidator(env.getElementUtils(), env.getTypeUtils(), reporter, env.getOptions().get(OPTION_IMAGE));
    SpecSource specs = new SpecSource(env.getFiler());
    Sources sources = new Sources(env);
    PipelineIndex index = new PipelineIndex(env.getFiler());
    components = new ComponentStep(env, reporter, validator, specs, sources, index);
    pipelines = new PipelineStep(env, reporter, new PipelineValidator(env.getElementUtils(), mapper, reporter, validator), specs,
        sources, index, models);
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    for (TypeElement owner : owners(round, ComponentStep.COMPONENT)) {
      run(owner, () -> {
        if (ComponentStep.unresolved(owner) != null) {
          deferredOwners.add(owner.getQualifiedName().toString());
        } else {
          components.compile(owner);
        }
      });
    }
    for (Element e : annotated(round, ComponentStep.IMPORT)) {
      run(e, () -> components.importComponents((TypeElement) e));
    }
    for (ExecutableElement method : pipelineMethods(round)) {
      run(method, () -> {
        if (TypeMapper.unresolved(method) != null) {
          deferredPipelines.put(((TypeElement) method.getEnclosingElement()).getQualifiedName() + "#" + method.getSimpleName(),
              method.getSimpleName().toString());
        } else {
          pipelines.collect(method);
        }
      });
    }
    if (round.processingOver()) {
      reportUnresolved();
    }
    return false;
  }

  /** The classes of this round's {@code @Component} methods, then the deferred ones. */
  private List<TypeElement> owners(RoundEnvironment round, String annotation) {
    Set<TypeElement> owners = new LinkedHashSet<>();
    for (Element e : annotated(round, annotation)) {
      if (e.getKind() == ElementKind.METHOD) {
        owners.add((TypeElement) e.getEnclosingElement());
      }
    }
    for (String name : List.copyOf(deferredOwners)) {
      TypeElement owner = processingEnv.getElementUtils().getTypeElement(name);
      if (owner != null) {
        deferredOwners.remove(name);
        owners.add(owner);
      }
    }
    return new ArrayList<>(owners);
  }

  /** This round's {@code @Pipeline} methods, then the deferred ones. */
  private List<ExecutableElement> pipelineMethods(RoundEnvironment round) {
    List<ExecutableElement> out = new ArrayList<>();
    for (Element e : annotated(round, PIPELINE)) {
      if (e.getKind() == ElementKind.METHOD) {
        out.add((ExecutableElement) e);
      }
    }
    for (Map.Entry<String, String> d : List.copyOf(deferredPipelines.entrySet())) {
      TypeElement owner = processingEnv.getElementUtils().getTypeElement(d.getKey().substring(0, d.getKey().indexOf('#')));
      deferredPipelines.remove(d.getKey());
      for (Element e : owner == null ? List.<Element>of() : owner.getEnclosedElements()) {
        if (e.getKind() == ElementKind.METHOD && e.getSimpleName().contentEquals(d.getValue())
            && Annotations.annotation(e, PIPELINE) != null && !out.contains(e)) {
          out.add((ExecutableElement) e);
        }
      }
    }
    return out;
  }

  private Set<? extends Element> annotated(RoundEnvironment round, String annotation) {
    TypeElement type = processingEnv.getElementUtils().getTypeElement(annotation);
    return type == null ? Set.of() : round.getElementsAnnotatedWith(type);
  }

  /** In the last round: what still waits for a type, reported (javac reports the type too). */
  private void reportUnresolved() {
    for (String name : deferredOwners) {
      TypeElement owner = processingEnv.getElementUtils().getTypeElement(name);
      if (owner != null) {
        run(owner, () -> components.reportUnresolved(owner));
      }
    }
    for (String key : deferredPipelines.keySet()) {
      TypeElement owner = processingEnv.getElementUtils().getTypeElement(key.substring(0, key.indexOf('#')));
      for (Element e : owner == null ? List.<Element>of() : owner.getEnclosedElements()) {
        if (e instanceof ExecutableElement m && m.getSimpleName().contentEquals(deferredPipelines.get(key))) {
          TypeMirror t = TypeMapper.unresolved(m);
          if (t != null) {
            reporter.error(m, Message.UNRESOLVED_TYPE, "@Pipeline method", ComponentValidator.describe(m), t);
          }
        }
      }
    }
    deferredOwners.clear();
    deferredPipelines.clear();
  }

  /** What a step does with one element; may throw. */
  private interface Work {
    void run() throws Exception;
  }

  /** Runs {@code work}, reporting anything it throws on {@code element} with its stack trace. */
  private void run(Element element, Work work) {
    try {
      work.run();
    } catch (Throwable t) {
      StringWriter trace = new StringWriter();
      t.printStackTrace(new PrintWriter(trace));
      reporter.error(element, Message.INTERNAL_ERROR, trace);
    }
  }
}
