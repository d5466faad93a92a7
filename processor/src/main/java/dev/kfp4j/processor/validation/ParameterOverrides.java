package dev.kfp4j.processor.validation;

import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.base.Reporter;
import dev.kfp4j.processor.model.PipelineModel;
import dev.kfp4j.processor.model.ValueKind;
import dev.kfp4j.yaml.Yaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The processor option {@value #OPTION}, KFP's {@code Compiler().compile(..., pipeline_parameters={...})} and {@code kfp dsl
 * compile --pipeline-parameters '<json>'}: other defaults for pipelines' parameters, written into the compiled files in the
 * place of the method's {@code @Default}s. A JSON object by pipeline name (a project compiles several), each a JSON object
 * by parameter name of JSON values of the parameter's type: {@code {"add-example": {"value1": 10}}}. Each value is checked
 * as a {@code @Default} is, and a pipeline or parameter of no such name is an error, as KFP's compiler refuses an input the
 * pipeline has not.
 */
public final class ParameterOverrides {
  /** The option's name. */
  public static final String OPTION = "kfp4j.pipelineParameters";
  private static final String EXAMPLE = "{\"add-example\": {\"value1\": 10}}";

  private final Reporter reporter;
  private final String option;
  private final Map<String, Map<String, JsonNode>> byPipeline;
  /** The pipelines of this compilation, to name the ones the option names that are none of them. */
  private final Set<String> compiled = new TreeSet<>();
  /** Whether a pipeline of this compilation has a name javac cannot resolve: any pipeline the option names may be it. */
  private boolean unnamed;

  private ParameterOverrides(Reporter reporter, String option, Map<String, Map<String, JsonNode>> byPipeline) {
    this.reporter = reporter;
    this.option = option;
    this.byPipeline = byPipeline;
  }

  /** The overrides {@code option} gives (null: none); none, after a {@code BadOption} error, when it is no such JSON object. */
  public static ParameterOverrides of(String option, Reporter reporter) {
    Map<String, Map<String, JsonNode>> byPipeline = new LinkedHashMap<>();
    if (option == null) {
      return new ParameterOverrides(reporter, null, byPipeline);
    }
    String why;
    try {
      // floats as BigDecimals, so each is checked and written as given: 1e400 is no infinity
      // a name given twice is an error, as KFP's json.loads would take the last value with nothing said
      JsonMapper exact = Yaml.json().rebuild().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
      JsonNode root = exact.readTree(option);
      why = root != null && root.isObject() ? null : "not a JSON object";
      if (why == null) {
        for (Map.Entry<String, JsonNode> p : root.properties()) {
          if (!p.getValue().isObject()) {
            why = "pipeline '" + p.getKey() + "' is given " + p.getValue() + ", not a JSON object of its parameters";
            break;
          }
          Map<String, JsonNode> values = new LinkedHashMap<>();
          p.getValue().properties().forEach(e -> values.put(e.getKey(), e.getValue()));
          byPipeline.put(p.getKey(), values);
        }
      }
    } catch (tools.jackson.core.JacksonException e) {
      why = "not JSON: " + Yaml.why(e);
    }
    if (why != null) {
      reporter.error(reporter.nowhere(), Message.BAD_OPTION, OPTION, option, why + "; write a JSON object of each pipeline's "
          + "parameters by its name, such as " + EXAMPLE);
      byPipeline.clear();
    }
    return new ParameterOverrides(reporter, option, byPipeline);
  }

  /** Pipeline {@code pipeline} is one of this compilation's (one whose errors kept {@link #apply} from being asked). */
  public void seen(String pipeline) {
    compiled.add(pipeline);
  }

  /**
   * A pipeline of this compilation has a name javac cannot resolve (javac says so): a pipeline the option names that is none
   * of the others may be it, and is no error of its own.
   */
  public void unnamed() {
    unnamed = true;
  }

  /**
   * {@code parameters} of pipeline {@code pipeline} ({@code method}) with the defaults the option gives them; errors on the
   * method for a parameter it has not, on the parameter for a value not of its type ({@code kfp2}: also a float a KFP 2
   * file cannot hold). Null when there was an error.
   */
  public List<PipelineModel.Parameter> apply(ExecutableElement method, AnnotationMirror annotation, String pipeline,
      List<PipelineModel.Parameter> parameters, boolean kfp2) {
    compiled.add(pipeline);
    Map<String, JsonNode> given = byPipeline.get(pipeline);
    if (given == null) {
      return parameters;
    }
    Map<String, PipelineModel.Parameter> byName = new LinkedHashMap<>();
    parameters.forEach(p -> byName.put(p.name(), p));
    Map<String, String> texts = new LinkedHashMap<>();
    boolean ok = true;
    for (Map.Entry<String, JsonNode> g : given.entrySet()) {
      PipelineModel.Parameter p = byName.get(g.getKey());
      if (p == null || p.kind() == ValueKind.FINAL_STATUS) {
        reporter.error(method, annotation, Message.BAD_OPTION, OPTION, option, "pipeline '" + pipeline + "' has no parameter '"
            + g.getKey() + "'; its parameters are " + valueNames(parameters));
        ok = false;
        continue;
      }
      VariableElement element = method.getParameters().stream().filter(v -> v.getSimpleName().contentEquals(p.name()))
          .findFirst().orElseThrow();
      if (p.isArtifact()) {
        reporter.error(element, Message.BAD_OPTION, OPTION, option, "'" + p.name() + "' of pipeline '" + pipeline
            + "' is an artifact, which takes no default (as in KFP); leave it out");
        ok = false;
        continue;
      }
      String why = textOf(g.getValue(), p.kind());
      JsonNode value = g.getValue(); // in KFP's text form, as a @Default gives it
      String text = value.isString() ? value.asString() : value.isBoolean() ? (value.asBoolean() ? "True" : "False") : value.toString();
      if (why == null) {
        why = DefaultValues.problem(text, p.kind(), element.asType());
      }
      if (why == null && kfp2) {
        why = DefaultValues.kfp2Problem(p.name(), text, p.kind());
      }
      if (why != null) {
        reporter.error(element, Message.BAD_OPTION, OPTION, option, "'" + p.name() + "' of pipeline '" + pipeline + "' is "
            + typeOf(p.kind(), element) + ", and " + g.getValue() + " is none: " + why + "; write " + example(p.kind(), element));
        ok = false;
        continue;
      }
      texts.put(p.name(), text);
    }
    if (!ok) {
      return null;
    }
    List<PipelineModel.Parameter> out = new ArrayList<>();
    for (PipelineModel.Parameter p : parameters) {
      String text = texts.get(p.name());
      out.add(text == null ? p
          : new PipelineModel.Parameter(p.name(), p.kind(), p.javaType(), text, false, p.description(), p.artifactType()));
    }
    return out;
  }

  /** The names of {@code parameters} that take a value (no artifact, no final status), for an error naming them. */
  private static List<String> valueNames(List<PipelineModel.Parameter> parameters) {
    return parameters.stream().filter(x -> !x.isArtifact() && x.kind() != ValueKind.FINAL_STATUS)
        .map(PipelineModel.Parameter::name).toList();
  }

  /** Why {@code value} is not the JSON a parameter of {@code kind} takes, or null. */
  private static String textOf(JsonNode value, ValueKind kind) {
    boolean fits = switch (kind) {
      case INT, LONG -> value.isIntegralNumber();
      case FLOAT, DOUBLE -> value.isNumber();
      case BOOLEAN -> value.isBoolean();
      case STRING, ENUM, TEXT -> value.isString();
      case JSON_ARRAY -> value.isArray();
      case JSON_OBJECT -> value.isObject();
      default -> false;
    };
    return fits ? null : "it is not " + json(kind);
  }

  private static String json(ValueKind kind) {
    return switch (kind) {
      case INT, LONG -> "a JSON integer";
      case FLOAT, DOUBLE -> "a JSON number";
      case BOOLEAN -> "true or false";
      case JSON_ARRAY -> "a JSON array";
      case JSON_OBJECT -> "a JSON object";
      default -> "a JSON string";
    };
  }

  /**
   * What parameter {@code element} of {@code kind} is, for an error: its Java type where KFP's, a String, would not say
   * why a JSON string is refused ({@code enum Mode}, {@code a LocalDate}), else its KFP type ({@code an Integer}).
   */
  private static String typeOf(ValueKind kind, VariableElement element) {
    if (kind == ValueKind.ENUM || kind == ValueKind.TEXT) {
      String name = ((DeclaredType) element.asType()).asElement().getSimpleName().toString();
      return (kind == ValueKind.ENUM ? "enum " : "a ") + name;
    }
    return "a" + (kind.kfpType().startsWith("I") ? "n " : " ") + kind.kfpType();
  }

  /** What to write for parameter {@code element} of {@code kind}: an enum's first constant, a {@code java.time} type's example. */
  private static String example(ValueKind kind, VariableElement element) {
    return json(kind) + switch (kind) {
      case INT, LONG -> ", such as 10";
      case FLOAT, DOUBLE -> ", such as 0.5";
      case BOOLEAN -> "";
      case JSON_ARRAY -> ", such as [1, 2]";
      case JSON_OBJECT -> ", such as {\"a\": 1}";
      case ENUM, TEXT -> ", such as \"" + DefaultValues.example(kind, element.asType()) + "\"";
      default -> ", such as \"text\"";
    };
  }

  /**
   * In the last round: an error for each pipeline the option names that is none of this compilation's nor of {@code earlier}
   * (those an earlier compilation wrote into the class output: an IDE's or an incremental build's compilation of some files
   * keeps the option of the whole build).
   */
  public void reportUnknownPipelines(Set<String> earlier) {
    if (unnamed || byPipeline.keySet().stream().allMatch(compiled::contains)) {
      return;
    }
    Set<String> known = new TreeSet<>(compiled);
    known.addAll(earlier);
    for (String pipeline : byPipeline.keySet()) {
      if (!known.contains(pipeline)) {
        reporter.error(reporter.nowhere(), Message.BAD_OPTION, OPTION, option, "no @Pipeline of this compilation is named '"
            + pipeline + "'; its pipelines are " + known);
      }
    }
  }
}
