package dev.kfp4j.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.processor.base.Format;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;

/**
 * A {@code @Pipeline} method's signature and settings, known in the round (before its body is
 * read), so the pipeline class can be generated then.
 *
 * @param element the annotated method
 * @param owner the class that declares it
 * @param methodName the method's name
 * @param name the pipeline name
 * @param description the description, or null
 * @param parameters the method's parameters, the pipeline's parameters
 * @param settings the run settings from {@code @Pipeline}
 * @param source the method as {@code pkg.Owner.method(types)}, for file headers
 * @param formats the formats it is written in
 * @param outputDescriptions the outputs' descriptions, by name: the Javadoc's {@code @return} of {@code Output}, a
 *     returned record's {@code @param} of each component
 * @param ownFormats whether its {@code @Pipeline(formats = ...)} chose {@code formats}, over the processor option {@code
 *     kfp4j.formats} (which chose them when it names none)
 */
public record PipelineModel(
    ExecutableElement element,
    ClassName owner,
    String methodName,
    String name,
    String description,
    List<Parameter> parameters,
    PipelineSettings settings,
    String source,
    Set<Format> formats,
    Map<String, String> outputDescriptions,
    boolean ownFormats) {

  public PipelineModel {
    formats = formats.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(formats));
    outputDescriptions = Map.copyOf(outputDescriptions);
  }

  /** A pipeline whose outputs are not described, written in the formats of the processor option. */
  public PipelineModel(ExecutableElement element, ClassName owner, String methodName, String name, String description,
      List<Parameter> parameters, PipelineSettings settings, String source, Set<Format> formats) {
    this(element, owner, methodName, name, description, parameters, settings, source, formats, Map.of(), false);
  }

  /**
   * A pipeline parameter: its Java type for the pipeline class, its default in KFP's text form (or
   * null), whether a run may leave it out without one ({@code @Nullable}, KFP's {@code
   * Optional[str] = None}), its description (the method's Javadoc {@code @param}, or null), and,
   * for an artifact the pipeline takes ({@code @InputPath("Dataset") Path}, KFP's {@code Input[Dataset]}),
   * its schema title ({@code system.Dataset}; else null).
   */
  public record Parameter(String name, ValueKind kind, TypeName javaType, String defaultText, boolean mayBeLeftOut,
      String description, String artifactType) {
    /** A value parameter. */
    public Parameter(String name, ValueKind kind, TypeName javaType, String defaultText, boolean mayBeLeftOut, String description) {
      this(name, kind, javaType, defaultText, mayBeLeftOut, description, null);
    }

    /** A value parameter without a description. */
    public Parameter(String name, ValueKind kind, TypeName javaType, String defaultText, boolean mayBeLeftOut) {
      this(name, kind, javaType, defaultText, mayBeLeftOut, null, null);
    }

    /** Whether it is an artifact ({@code @InputPath Path}), which tasks and called pipelines are given, never a run. */
    public boolean isArtifact() {
      return artifactType != null;
    }

    /** Whether it is a list of artifacts ({@code @InputPath("Dataset") List<Path>}, KFP's {@code Input[List[Dataset]]}). */
    public boolean isArtifactList() {
      return isArtifact() && javaType instanceof com.palantir.javapoet.ParameterizedTypeName list
          && list.rawType().canonicalName().equals("java.util.List");
    }

    /**
     * An artifact parameter as KFP's Python writes it, for messages: {@code Input[Dataset]}, {@code
     * Optional[Input[Dataset]] = None}, {@code Input[List[Dataset]]} ({@code google.VertexModel} as it is).
     */
    public String kfpInput() {
      String type = artifactType.startsWith("system.") ? artifactType.substring("system.".length()) : artifactType;
      String input = "Input[" + (isArtifactList() ? "List[" + type + "]" : type) + "]";
      return mayBeLeftOut ? "Optional[" + input + "] = None" : input;
    }

    /** The parameter as the pipeline model has it. */
    public dev.kfp4j.model.Parameter toModel() {
      String text = description == null || description.isEmpty() ? null : description;
      if (isArtifact()) {
        return dev.kfp4j.model.Parameter.artifact(name, artifactType, text, mayBeLeftOut);
      }
      return new dev.kfp4j.model.Parameter(name, ParameterType.ofV1Name(kind.kfpType()), defaultText, text, null,
          mayBeLeftOut || defaultText != null);
    }
  }

  public ClassName pipelineClass() {
    return pipelineClass(owner, methodName);
  }

  /** The class kfp4j generates for pipeline method {@code methodName} of {@code owner}: {@code addExample} → {@code AddExamplePipeline}. */
  public static ClassName pipelineClass(ClassName owner, String methodName) {
    String simple = Character.toUpperCase(methodName.charAt(0)) + methodName.substring(1) + "Pipeline";
    return ClassName.get(owner.packageName(), simple);
  }

  /** The Argo Workflow's resource. */
  public String resourcePath() {
    return resourcePath(name);
  }

  /** The resource of the Argo Workflow of the pipeline named {@code name}. */
  public static String resourcePath(String name) {
    return "META-INF/kfp4j/pipelines/" + name + ".yaml";
  }

  /** The KFP 2 pipeline spec's resource. */
  public String kfp2ResourcePath() {
    return kfp2ResourcePath(name);
  }

  /** The resource of the KFP 2 pipeline spec of the pipeline named {@code name}. */
  public static String kfp2ResourcePath(String name) {
    return "META-INF/kfp4j/kfp2/pipelines/" + name + ".yaml";
  }

  public boolean writes(Format format) {
    return formats.contains(format);
  }

  public Parameter parameter(String name) {
    for (Parameter p : parameters) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    return null;
  }

  /**
   * The parameters as the pipeline model has them: not the pipeline's final status, which a pipeline run as the exit
   * task takes ({@link #takesStatus}) and its tasks read as {@code Dsl.runStatus()}.
   */
  public List<dev.kfp4j.model.Parameter> modelParameters() {
    List<dev.kfp4j.model.Parameter> out = new ArrayList<>();
    parameters.stream().filter(p -> p.kind() != ValueKind.FINAL_STATUS).forEach(p -> out.add(p.toModel()));
    return out;
  }

  /**
   * Whether a parameter takes the pipeline's final status (KFP's {@code exit_op(status: PipelineTaskFinalStatus)}): the
   * pipeline runs only as the exit task of another, {@code Dsl.exitHandler(() -> p(Dsl.runStatus()), ...)}, and is written
   * as no file of its own.
   */
  public boolean takesStatus() {
    return parameters.stream().anyMatch(p -> p.kind() == ValueKind.FINAL_STATUS);
  }

  /** This pipeline read from {@code element}, a fresher symbol of the same method. */
  public PipelineModel withElement(ExecutableElement element) {
    return new PipelineModel(element, owner, methodName, name, description, parameters, settings, source, formats, outputDescriptions,
        ownFormats);
  }
}
