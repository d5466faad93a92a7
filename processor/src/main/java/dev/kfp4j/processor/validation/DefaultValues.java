package dev.kfp4j.processor.validation;

import dev.kfp4j.entrypoint.KfpValues;
import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.processor.base.Annotations;
import dev.kfp4j.processor.base.FormatMessage;
import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.base.Reporter;
import dev.kfp4j.processor.model.ValueKind;
import dev.kfp4j.processor.validation.graph.ConstantSizeCheck;
import dev.kfp4j.yaml.Yaml;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/** Checks the text of a {@code @Default} on a component or pipeline parameter against its kind. */
public final class DefaultValues {
  /** Why KFP 2's files cannot hold a float default, as {@link Message#KFP2_DEFAULT_NOT_FINITE} says of a {@code @Default}. */
  static final String NOT_FINITE = "it is no number KFP 2 can hold: its files keep numbers as JSON, which has no nan or infinity";

  private final Reporter reporter;

  public DefaultValues(Reporter reporter) {
    this.reporter = reporter;
  }

  /**
   * Checks that a default parses as its kind; returns it in KFP's text form (booleans as
   * {@code True}/{@code False}), or null after reporting an error; null too, with no error of its own, when the default is an
   * expression javac cannot resolve (javac says so).
   */
  public String check(Element e, AnnotationMirror a, String name, String text, ValueKind kind, TypeMirror type) {
    if (Annotations.erroneous(a, "value")) {
      return null;
    }
    int bytes = ConstantSizeCheck.bytesOverLimit(text);
    if (bytes > 0) {
      reporter.error(e, a, Message.DEFAULT_TOO_LONG, name, bytes);
      return null;
    }
    String problem = problem(text, kind, type);
    if (problem == null) {
      return kind == ValueKind.BOOLEAN ? (KfpValues.parseBoolean(text) ? "True" : "False") : text;
    }
    switch (kind) {
      case ENUM -> reporter.error(e, a, Message.BAD_DEFAULT, text, name, "enum " + ((DeclaredType) type).asElement().getSimpleName(),
          problem, example(kind, type));
      case TEXT -> reporter.error(e, a, Message.BAD_DEFAULT, text, name, "a " + textType(type).getSimpleName(), problem,
          example(kind, type)); // with what the type's own parse said
      default -> reporter.error(e, a, Message.BAD_DEFAULT, text, name, describe(kind), problem, defaultExample(kind, type));
    }
    return null;
  }

  /** The names of enum {@code type}'s constants, in order. */
  private static List<String> enumConstants(TypeMirror type) {
    return ((TypeElement) ((DeclaredType) type).asElement()).getEnclosedElements().stream()
        .filter(x -> x.getKind() == ElementKind.ENUM_CONSTANT).map(x -> x.getSimpleName().toString()).toList();
  }

  /**
   * Why {@code text} (KFP's text form: booleans {@code True}/{@code False}) is no value of {@code kind} (of Java type
   * {@code type}), or null when it is one: what {@link #check} reports of a {@code @Default}, for a default given elsewhere
   * (the processor option {@code kfp4j.pipelineParameters}), and what {@link #check} reports.
   */
  static String problem(String text, ValueKind kind, TypeMirror type) {
    try {
      switch (kind) {
        case INT -> KfpValues.parseInt(text);
        case LONG -> KfpValues.parseLong(text);
        case FLOAT -> KfpValues.parseFloat(text);
        case DOUBLE -> KfpValues.parseDouble(text);
        case BOOLEAN -> KfpValues.parseBoolean(text);
        case ENUM -> {
          List<String> constants = enumConstants(type);
          return constants.contains(text) ? null : "it is none of " + constants;
        }
        case TEXT -> {
          return dev.kfp4j.entrypoint.TextTypes.problem(text, textType(type));
        }
        case JSON_ARRAY, JSON_OBJECT -> {
          var node = Yaml.readJson(text);
          if (kind == ValueKind.JSON_ARRAY ? !node.isArray() : !node.isObject()) {
            return "it is not a JSON " + (kind == ValueKind.JSON_ARRAY ? "array" : "object");
          }
          checkElements(node, type);
        }
        default -> { }
      }
      return null;
    } catch (RuntimeException ex) { // never null: a refusal without a message is still one
      return String.valueOf(ex instanceof tools.jackson.core.JacksonException j ? Yaml.why(j) : ex.getMessage());
    }
  }

  /**
   * Whether a checked float default is one KFP 2's files can hold (a JSON number: no {@code nan},
   * {@code inf}, {@code 1e400}), as the KFP 2 writer takes a float's value ({@link
   * Kfp2Writer#runtimeValue}), and no whole number a double does not hold exactly; false after reporting an error on its
   * {@code @Default}, which says {@code otherwise} as the other way out. KFP v1 takes them, as Python's {@code float()} does.
   */
  boolean kfp2Number(Element e, AnnotationMirror a, String name, String text, ValueKind kind, String otherwise) {
    String problem = kfp2Problem(name, text, kind);
    if (problem == null) {
      return true;
    }
    if (kind == ValueKind.FLOAT || kind == ValueKind.DOUBLE) {
      reporter.error(e, a, FormatMessage.KFP2_DEFAULT_NOT_FINITE, text, name, otherwise);
    } else {
      reporter.error(e, a, FormatMessage.KFP2_DEFAULT_NOT_EXACT, text, name, problem, otherwise);
    }
    return false;
  }

  /**
   * Why KFP 2's files cannot hold {@code text}, a checked default of {@code name} of {@code kind}, or null when they can: as
   * the KFP 2 writer takes a value ({@link Kfp2Writer#runtimeValue}), a float must be a JSON number (no {@code nan},
   * {@code inf} or {@code 1e400}), and a whole number, alone or in a list or object, one a double holds exactly (KFP 2 keeps
   * numbers as doubles). What {@link #kfp2Number} checks of a {@code @Default}, and {@link ParameterOverrides} of a
   * default the processor option gives; for a float, {@link #NOT_FINITE}.
   */
  static String kfp2Problem(String name, String text, ValueKind kind) {
    ParameterType type = switch (kind) {
      case FLOAT, DOUBLE -> ParameterType.FLOAT;
      case INT, LONG -> ParameterType.INTEGER;
      case JSON_ARRAY -> ParameterType.LIST;
      case JSON_OBJECT -> ParameterType.STRUCT;
      default -> null;
    };
    if (type == null) {
      return null;
    }
    try {
      Kfp2Writer.runtimeValue(name, text, type);
      return null;
    } catch (FormatException e) {
      return type == ParameterType.FLOAT ? NOT_FINITE
          : e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
    }
  }

  /**
   * The elements of a {@code List<X>} (the values of a {@code Map<String, X>}) whose {@code X} is a
   * box or {@code String} are JSON values of that type: {@code [1, "a"]} is no {@code List<Integer>}.
   */
  private static void checkElements(tools.jackson.databind.JsonNode node, TypeMirror type) {
    if (!(type instanceof DeclaredType d) || d.getTypeArguments().isEmpty()) {
      return;
    }
    TypeMirror element = d.getTypeArguments().get(d.getTypeArguments().size() - 1);
    String name = element.toString();
    for (tools.jackson.databind.JsonNode e : node.values()) {
      boolean ok = e.isNull() || switch (name) {
        case "java.lang.Integer", "java.lang.Long" -> e.isIntegralNumber();
        case "java.lang.Double", "java.lang.Float" -> e.isNumber();
        case "java.lang.Boolean" -> e.isBoolean();
        case "java.lang.String" -> e.isString();
        default -> true;
      };
      if (!ok) {
        throw new IllegalArgumentException("its element " + e + " is not of type " + name.substring("java.lang.".length()));
      }
      String problem = e.isNull() ? null : elementProblem(e, element);
      if (problem != null) {
        throw new IllegalArgumentException("its element " + e + " is " + problem);
      }
    }
  }

  /**
   * Why {@code e} is no value of {@code element}, a list's element or a map's value type that is passed as text (a {@code
   * java.time} type, {@code UUID}, {@code URI}: its own parse) or an enum (one of its constants), or null; null for any other.
   */
  private static String elementProblem(tools.jackson.databind.JsonNode e, TypeMirror element) {
    Class<?> text = elementText(element);
    boolean isEnum = element instanceof DeclaredType d && d.asElement().getKind() == ElementKind.ENUM;
    if (text == null && !isEnum) {
      return null;
    }
    String simple = text != null ? text.getSimpleName() : "enum " + ((DeclaredType) element).asElement().getSimpleName();
    if (!e.isString()) {
      return "no " + simple + ": it is not a JSON string";
    }
    String why = text != null ? dev.kfp4j.entrypoint.TextTypes.problem(e.asString(), text)
        : enumConstants(element).contains(e.asString()) ? null : "it is none of " + enumConstants(element);
    return why == null ? null : "no " + simple + ": " + why;
  }

  /** The JDK class of {@code element}, a list's element or a map's value type, when it is passed as text; null otherwise. */
  private static Class<?> elementText(TypeMirror element) {
    return element instanceof DeclaredType d && d.asElement() instanceof TypeElement t
        ? dev.kfp4j.entrypoint.TextTypes.named(t.getQualifiedName().toString()) : null;
  }

  /**
   * What to write in a {@code @Default} of a JSON {@code kind} (its quotes escaped as Java source writes them): {@code [1, 2]},
   * {@code {"a": 1}}, or with the example of
   * {@code type}'s element when that is passed as text or is an enum ({@code ["2024-01-31"]}, {@code {"a": "FAST"}}).
   */
  private static String defaultExample(ValueKind kind, TypeMirror type) {
    TypeMirror element = type instanceof DeclaredType d && !d.getTypeArguments().isEmpty()
        ? d.getTypeArguments().get(d.getTypeArguments().size() - 1) : null;
    Class<?> text = element == null ? null : elementText(element);
    String item = text != null ? dev.kfp4j.entrypoint.TextTypes.example(text)
        : element instanceof DeclaredType e && e.asElement().getKind() == ElementKind.ENUM ? example(ValueKind.ENUM, element) : null;
    if (item == null || (kind != ValueKind.JSON_ARRAY && kind != ValueKind.JSON_OBJECT)) {
      return example(kind);
    }
    String q = "\\\""; // as Java source writes it in the annotation
    return kind == ValueKind.JSON_ARRAY ? "[" + q + item + q + "]" : "{" + q + "a" + q + ": " + q + item + q + "}";
  }

  /** A value to show of enum or {@link ValueKind#TEXT} {@code type}: its first constant, the text type's example. */
  static String example(ValueKind kind, TypeMirror type) {
    if (kind == ValueKind.TEXT) {
      return dev.kfp4j.entrypoint.TextTypes.example(textType(type));
    }
    List<String> constants = enumConstants(type);
    return constants.isEmpty() ? "" : constants.get(0);
  }

  /** The JDK class of a {@link ValueKind#TEXT} type, by its element's name (a type's text would show its annotations). */
  private static Class<?> textType(TypeMirror type) {
    return dev.kfp4j.entrypoint.TextTypes.named(((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString());
  }

  private static String describe(ValueKind kind) {
    switch (kind) {
      case INT: return "an int";
      case LONG: return "a long";
      case FLOAT: case DOUBLE: return "a float";
      case BOOLEAN: return "a boolean";
      case JSON_ARRAY: return "a JSON array";
      case JSON_OBJECT: return "a JSON object";
      default: return "a " + kind.name().toLowerCase();
    }
  }

  private static String example(ValueKind kind) {
    switch (kind) {
      case INT: case LONG: return "5";
      case FLOAT: case DOUBLE: return "0.5";
      case BOOLEAN: return "True";
      case JSON_ARRAY: return "[1, 2]";
      case JSON_OBJECT: return "{\\\"a\\\": 1}";
      default: return "text";
    }
  }
}
