package dev.kfp4j.processor;

import com.google.auto.service.AutoService;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.processor.base.Annotations;
import dev.kfp4j.processor.base.CachingDefault;
import dev.kfp4j.processor.base.Format;
import dev.kfp4j.processor.base.ImageReference;
import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.base.Reporter;
import dev.kfp4j.processor.javac.Sources;
import dev.kfp4j.processor.validation.ComponentValidator;
import dev.kfp4j.processor.validation.ParameterOverrides;
import dev.kfp4j.processor.validation.PipelineValidator;
import dev.kfp4j.processor.validation.TypeMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
  /** Processor option: the formats pipelines are written in, {@code argo}, {@code kfp2} or both ({@code argo,kfp2}, the default). */
  public static final String OPTION_FORMATS = "kfp4j.formats";

  private static final String PIPELINE = PipelineValidator.PIPELINE;

  private final Consumer<Pipeline> models;
  private Reporter reporter;
  private ComponentStep components;
  private PipelineStep pipelines;
  private ParameterOverrides overrides;
  private PipelineIndex index;
  /** A {@code @Pipeline} method waiting for a type of its signature: its class and name. */
  private record DeferredPipeline(String owner, String method) {}

  /** Classes of components waiting for a type of their signatures, by name; pipeline methods likewise. */
  private final Set<String> deferredOwners = new LinkedHashSet<>();
  private final Set<DeferredPipeline> deferredPipelines = new LinkedHashSet<>();
  /**
   * The {@code @Pipeline} methods collected ({@link ComponentValidator#describe}): a deferred method is found again by its
   * name, with its overloads, which were collected in their own round and must not be again (their class is there now).
   */
  private final Set<String> collectedPipelines = new java.util.HashSet<>();

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
    return Set.of(OPTION_IMAGE, OPTION_FORMATS, CachingDefault.OPTION, ParameterOverrides.OPTION);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    reporter = new Reporter(env.getMessager());
    Set<Format> formats = formats(env.getOptions().get(OPTION_FORMATS));
    TypeMapper mapper = new TypeMapper(env.getTypeUtils(), env.getElementUtils());
    String image = env.getOptions().get(OPTION_IMAGE);
    String badImage = image == null || image.isEmpty() ? null : ImageReference.whyInvalid(image);
    if (badImage != null) {
      reporter.error(reporter.nowhere(), Message.BAD_OPTION, OPTION_IMAGE, image, "not a container image reference: " + badImage);
    }
    try {
      CachingDefault.cachingByDefault(env.getOptions());
    } catch (IllegalArgumentException e) {
      reporter.error(reporter.nowhere(), Message.BAD_OPTION, CachingDefault.OPTION, env.getOptions().get(CachingDefault.OPTION),
          e.getMessage());
    }
    ComponentValidator validator = new ComponentValidator(env.getElementUtils(), env.getTypeUtils(), reporter, image,
        formats.contains(Format.KFP2)).docLinks(new dev.kfp4j.processor.javac.DocLinks(env)::qualified);
    SpecSource specs = new SpecSource(env.getFiler(), env.getElementUtils());
    Sources sources = new Sources(env);
    index = new PipelineIndex(env.getFiler());
    components = new ComponentStep(env, reporter, validator, specs, sources, index, formats.contains(Format.KFP2));
    overrides = ParameterOverrides.of(env.getOptions().get(ParameterOverrides.OPTION), reporter);
    pipelines = new PipelineStep(env, reporter, new PipelineValidator(env.getElementUtils(), mapper, reporter, formats, overrides),
        specs, sources, index, models);
  }

  /** The formats the option names; the default, after an error, when it names none. */
  private Set<Format> formats(String option) {
    try {
      return Format.parseOption(option);
    } catch (IllegalArgumentException e) {
      reporter.error(reporter.nowhere(), Message.BAD_OPTION, OPTION_FORMATS, option, e.getMessage());
      return Format.DEFAULT;
    }
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    try {
      processRound(round);
    } catch (Throwable t) {
      // each element's work is guarded in run(...); this is what is left: finding the elements
      StringWriter trace = new StringWriter();
      t.printStackTrace(new PrintWriter(trace));
      reporter.error(reporter.nowhere(), Message.INTERNAL_ERROR, trace);
    }
    return false;
  }

  private void processRound(RoundEnvironment round) {
    for (TypeElement owner : owners(round)) {
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
          deferredPipelines.add(new DeferredPipeline(
              ((TypeElement) method.getEnclosingElement()).getQualifiedName().toString(), method.getSimpleName().toString()));
        } else if (collectedPipelines.add(ComponentValidator.describe(method))) {
          pipelines.collect(method);
        }
      });
    }
    if (round.processingOver()) {
      reportUnresolved();
    }
  }

  /** The classes of this round's {@code @Component} methods, then the deferred ones. */
  private List<TypeElement> owners(RoundEnvironment round) {
    Set<TypeElement> owners = new LinkedHashSet<>();
    for (Element e : annotated(round, ComponentStep.COMPONENT)) {
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
      // a method that is a @Component too is the component step's error (ComponentAndPipeline) and no pipeline
      if (e.getKind() == ElementKind.METHOD && Annotations.annotation(e, ComponentStep.COMPONENT) == null) {
        out.add((ExecutableElement) e);
      }
    }
    for (DeferredPipeline d : List.copyOf(deferredPipelines)) {
      deferredPipelines.remove(d);
      for (ExecutableElement m : methods(d)) {
        if (Annotations.annotation(m, PIPELINE) != null && !out.contains(m)) {
          out.add(m);
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
    if (deferredPipelines.isEmpty()) { // else a pipeline the option names may be one not read for want of a type
      overrides.reportUnknownPipelines(index.earlierNames());
    }
    for (String name : deferredOwners) {
      TypeElement owner = processingEnv.getElementUtils().getTypeElement(name);
      if (owner != null) {
        run(owner, () -> components.reportUnresolved(owner));
      }
    }
    for (DeferredPipeline d : deferredPipelines) {
      for (ExecutableElement m : methods(d)) {
        TypeMirror t = TypeMapper.unresolved(m);
        if (t != null) {
          reporter.error(m, Message.UNRESOLVED_TYPE, "@Pipeline method", ComponentValidator.describe(m), t);
          run(m, () -> pipelines.checkUnresolved(m));
        }
      }
    }
    deferredOwners.clear();
    deferredPipelines.clear();
  }

  /** The methods named as {@code d} is, in its class as it is now. */
  private List<ExecutableElement> methods(DeferredPipeline d) {
    TypeElement owner = processingEnv.getElementUtils().getTypeElement(d.owner());
    List<ExecutableElement> out = new ArrayList<>();
    for (Element e : owner == null ? List.<Element>of() : owner.getEnclosedElements()) {
      if (e.getKind() == ElementKind.METHOD && e.getSimpleName().contentEquals(d.method())) {
        out.add((ExecutableElement) e);
      }
    }
    return out;
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
