package dev.kfp4j.processor.validation;

import static dev.kfp4j.processor.base.Annotations.annotation;
import static dev.kfp4j.processor.base.Annotations.stringValue;
import static dev.kfp4j.processor.base.Annotations.strings;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.kfp4j.entrypoint.KfpValues;
import dev.kfp4j.processor.base.Javadoc;
import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.base.Reporter;
import dev.kfp4j.processor.model.ComponentModel;
import dev.kfp4j.processor.model.InputModel;
import dev.kfp4j.processor.model.InputModel.Role;
import dev.kfp4j.processor.model.OutputModel;
import dev.kfp4j.processor.model.ValueKind;
import dev.kfp4j.spec.ContainerSpec;
import dev.kfp4j.spec.Names;
import dev.kfp4j.yaml.Yaml;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks a {@code @Component} method and builds its {@link ComponentModel}. Every problem is
 * reported on the element it concerns; a method with errors gives no model.
 */
public final class ComponentValidator {
  static final String COMPONENT = "dev.kfp4j.annotations.Component";
  static final String INPUT_PATH = "dev.kfp4j.annotations.InputPath";
  static final String OUTPUT_PATH = "dev.kfp4j.annotations.OutputPath";
  static final String DEFAULT = "dev.kfp4j.annotations.Default";
  static final String OUT = "dev.kfp4j.annotations.Out";
  /** The flag of KFP 2's executor input, which no input may take. */
  static final String EXECUTOR_INPUT = "executor_input";

  /** Methods of {@code dev.kfp4j.dsl.Task} (and {@code Object}) that output accessors must not hide. */
  private static final Set<String> TASK_METHODS =
      Arrays.stream(dev.kfp4j.dsl.Task.class.getMethods()).map(java.lang.reflect.Method::getName).collect(Collectors.toUnmodifiableSet());

  private final Elements elements;
  private final Types types;
  private final Reporter reporter;
  private final TypeMapper mapper;
  private final String defaultImage;
  private final Map<String, ExecutableElement> names = new HashMap<>();

  public ComponentValidator(Elements elements, Types types, Reporter reporter, String defaultImage) {
    this.elements = elements;
    this.types = types;
    this.reporter = reporter;
    this.mapper = new TypeMapper(types, elements);
    this.defaultImage = defaultImage;
  }

  /** The model of {@code method}, or null when it has errors (all of them reported). */
  public ComponentModel validate(ExecutableElement method) {
    int errorsBefore = reporter.errorCount();
    AnnotationMirror annotation = annotation(method, COMPONENT);
    String methodName = method.getSimpleName().toString();
    checkModifiers(method, "Component", annotation);
    if (!method.getTypeParameters().isEmpty()) {
      reporter.error(method, Message.GENERIC_METHOD, methodName);
    }
    TypeElement owner = (TypeElement) method.getEnclosingElement();

    Javadoc doc = Javadoc.parse(elements.getDocComment(method));
    String name = stringValue(annotation, "name");
    if (name.isEmpty()) {
      name = Names.kebab(methodName);
    }
    checkName(method, annotation, "component", name);
    ExecutableElement previous = names.putIfAbsent(name, method);
    if (previous != null && previous != method) {
      reporter.error(method, annotation, Message.DUPLICATE_COMPONENT, name, describe(previous));
    }
    String description = stringValue(annotation, "description");
    if (description.isEmpty()) {
      description = doc.text();
    }
    String image = stringValue(annotation, "image");
    if (image.isEmpty()) {
      image = defaultImage;
    }
    if (image == null || image.isEmpty()) {
      image = ContainerSpec.NO_IMAGE; // runs locally; the cluster commands need run_config.image then
    }

    List<InputModel> inputs = new ArrayList<>();
    List<OutputModel> outputs = new ArrayList<>();
    Map<String, String> usedNames = new LinkedHashMap<>();
    for (VariableElement p : method.getParameters()) {
      InputModel input = input(p, doc);
      if (input == null) {
        continue;
      }
      String other = usedNames.putIfAbsent(input.name(), input.javaName());
      if (other != null) {
        reporter.error(p, Message.DUPLICATE_INPUT, input.isOutput() ? "output" : "input", input.name(), input.javaName(), other);
      }
      if (input.name().equals(EXECUTOR_INPUT)) {
        reporter.error(p, Message.RESERVED_NAME, input.isOutput() ? "output" : "input", input.name(), EXECUTOR_INPUT);
      }
      String refused = input.isOutput() ? null : Names.whyKfpSdkRefusesInput(input.name());
      if (refused != null) {
        reporter.error(p, Message.UNLOADABLE_INPUT, input.javaName(), refused);
      }
      inputs.add(input);
    }
    for (InputModel input : inputs) {
      if (input.isOutput()) {
        outputs.add(
            new OutputModel(
                input.name(), input.name(), OutputModel.Source.FILE, null, ValueKind.FILE,
                ClassName.get("java.nio.file", "Path"), input.kfpType(), input.description()));
      }
    }
    // Returned outputs share no flag with inputs: only output names must be unique.
    Map<String, String> outputNames = new LinkedHashMap<>();
    outputs.forEach(o -> outputNames.put(o.name(), "parameter " + o.name()));
    outputs.addAll(returnOutputs(method, doc, outputNames));
    for (OutputModel out : outputs) {
      if (TASK_METHODS.contains(out.accessor())) {
        reporter.error(
            method, Message.OUTPUT_NAME_CLASH, out.name(), name, out.accessor(),
            out.source() == OutputModel.Source.RECORD_COMPONENT ? "record component" : "parameter");
      }
    }
    Map<String, String> annotations = keyValues(method, annotation, "annotations");
    Map<String, String> labels = keyValues(method, annotation, "labels");
    if (reporter.errorCount() > errorsBefore) {
      return null;
    }
    return new ComponentModel(
        method,
        ClassName.get(owner),
        methodName,
        name,
        description,
        elements.getDocComment(method),
        image,
        annotations,
        labels,
        inputs,
        outputs,
        TypeName.get(method.getReturnType()),
        describe(method));
  }

  /** Checks the modifiers and nesting shared by {@code @Component} and {@code @Pipeline} methods. */
  public void checkModifiers(ExecutableElement method, String annotationName, AnnotationMirror annotation) {
    String methodName = method.getSimpleName().toString();
    String returns = method.getReturnType().toString();
    if (!method.getModifiers().contains(Modifier.STATIC)) {
      reporter.error(method, Message.NOT_STATIC, annotationName, methodName, returns, methodName);
    }
    if (!method.getModifiers().contains(Modifier.PUBLIC)) {
      reporter.error(method, Message.NOT_PUBLIC, annotationName, methodName, returns, methodName);
    }
    Element owner = method.getEnclosingElement();
    if (owner instanceof TypeElement t) {
      boolean ok =
          (t.getKind() == ElementKind.CLASS || t.getKind() == ElementKind.INTERFACE || t.getKind() == ElementKind.ENUM || t.getKind() == ElementKind.RECORD)
              && (t.getNestingKind() == NestingKind.TOP_LEVEL
                  || (t.getNestingKind() == NestingKind.MEMBER && t.getModifiers().contains(Modifier.STATIC))
                  || (t.getNestingKind() == NestingKind.MEMBER && t.getKind() != ElementKind.CLASS));
      if (!ok) {
        reporter.error(method, Message.NOT_IN_CLASS, annotationName, methodName, t.getNestingKind().toString().toLowerCase() + " class " + t.getSimpleName());
      }
    }
  }

  public void checkName(Element element, AnnotationMirror annotation, String what, String name) {
    String why = Names.whyInvalidKubernetesName(name);
    if (why != null) {
      String suggestion = Names.kebab(name).replaceAll("[^a-z0-9-]", "-").replaceAll("-+", "-").replaceAll("^-|-$", "");
      if (suggestion.length() > 63) {
        suggestion = suggestion.substring(0, 63).replaceAll("-$", "");
      }
      if (suggestion.isEmpty()) {
        suggestion = what;
      }
      reporter.error(element, annotation, Message.INVALID_NAME, what, name, why, suggestion);
    }
  }

  private InputModel input(VariableElement p, Javadoc doc) {
    String javaName = p.getSimpleName().toString();
    AnnotationMirror inPath = annotation(p, INPUT_PATH);
    AnnotationMirror outPath = annotation(p, OUTPUT_PATH);
    AnnotationMirror dflt = annotation(p, DEFAULT);
    TypeMirror type = p.asType();
    String description = doc.param(javaName);
    if (inPath != null && outPath != null) {
      reporter.error(p, Message.BOTH_PATHS, javaName);
      return null;
    }
    AnnotationMirror out = annotation(p, OUT);
    if (out != null) {
      return outputArtifact(p, out, inPath != null ? inPath : outPath, dflt, description);
    }
    String artifact;
    try {
      TypeMirror inner = mapper.optionalArgument(type);
      artifact = mapper.artifactType(inner != null ? inner : type);
    } catch (TypeMapper.Unsupported u) {
      reporter.error(p, u.message, javaName, u.detail);
      return null;
    }
    if (artifact != null) {
      return inputArtifact(p, artifact, inPath != null ? inPath : outPath, dflt, description);
    }
    if (outPath != null) {
      boolean isPath = mapper.isType(type, "java.nio.file.Path");
      boolean isString = mapper.isType(type, "java.lang.String");
      if (!isPath && !isString) {
        reporter.error(p, outPath, Message.OUTPUT_PATH_TYPE, javaName, type);
        return null;
      }
      if (dflt != null) {
        reporter.error(p, dflt, Message.OUTPUT_PATH_OPTIONAL, javaName);
        return null;
      }
      return new InputModel(
          javaName, pathName(javaName), Role.OUTPUT_PATH, ValueKind.FILE, TypeName.get(type), TypeName.get(type),
          false, isString, emptyToNull(stringValue(outPath, "value")), false, null, description);
    }
    TypeMirror inner = mapper.optionalArgument(type);
    boolean optionalWrapper = inner != null;
    TypeMirror valueType = optionalWrapper ? inner : type;
    if (optionalWrapper && dflt != null) {
      reporter.error(p, dflt, Message.DEFAULT_ON_OPTIONAL, javaName);
      return null;
    }
    if (inPath != null) {
      boolean isPath = mapper.isType(valueType, "java.nio.file.Path");
      boolean isString = mapper.isType(valueType, "java.lang.String");
      if (!isPath && !isString) {
        reporter.error(p, inPath, Message.INPUT_PATH_TYPE, javaName, type);
        return null;
      }
      if (dflt != null) {
        reporter.error(p, dflt, Message.DEFAULT_ON_PATH, javaName);
        return null;
      }
      return new InputModel(
          javaName, pathName(javaName), Role.INPUT_PATH, ValueKind.FILE, TypeName.get(type), TypeName.get(valueType),
          optionalWrapper, isString, emptyToNull(stringValue(inPath, "value")), optionalWrapper, null, description);
    }
    ValueKind kind;
    try {
      kind = mapper.kind(valueType);
    } catch (TypeMapper.Unsupported u) {
      reporter.error(p, u.message, javaName, u.detail);
      return null;
    }
    if (kind == null) {
      reporter.error(p, Message.UNSUPPORTED_PARAMETER_TYPE, javaName, type);
      return null;
    }
    String defaultText = null;
    if (dflt != null) {
      String text = stringValue(dflt, "value");
      defaultText = checkDefault(p, dflt, javaName, text, kind, valueType);
      if (defaultText == null) {
        return null;
      }
    }
    return new InputModel(
        javaName, javaName, Role.VALUE, kind, TypeName.get(type), TypeName.get(valueType), optionalWrapper, false,
        kind.kfpType(), optionalWrapper || defaultText != null, defaultText, description);
  }

  /** {@code @Out Model model}: an output artifact. */
  private InputModel outputArtifact(VariableElement p, AnnotationMirror out, AnnotationMirror path, AnnotationMirror dflt, String description) {
    String javaName = p.getSimpleName().toString();
    TypeMirror type = p.asType();
    if (mapper.optionalArgument(type) != null || dflt != null) {
      reporter.error(p, dflt != null ? dflt : out, Message.OUT_OPTIONAL, javaName, dflt != null ? "@Default" : "the Optional");
      return null;
    }
    String v1Output = TypeMapper.v1UiOutput(type);
    if (v1Output != null) {
      if (path != null) {
        reporter.error(p, path, Message.OUT_WITH_PATH, javaName, path.getAnnotationType().asElement().getSimpleName(),
            ((DeclaredType) type).asElement().getSimpleName(), javaName);
        return null;
      }
      // KFP v1's UI files: file outputs under the SDK's names (mlpipeline_metrics_path: OutputPath('Metrics'))
      return new InputModel(javaName, v1Output, Role.OUTPUT_PATH, ValueKind.FILE, TypeName.get(type), TypeName.get(type),
          false, false, v1Output.equals(TypeMapper.MLPIPELINE_METRICS) ? "Metrics" : null, false, null, description);
    }
    String artifact;
    try {
      artifact = mapper.artifactType(type);
    } catch (TypeMapper.Unsupported u) {
      reporter.error(p, u.message, javaName, u.detail);
      return null;
    }
    if (artifact == null) {
      reporter.error(p, out, Message.OUT_NOT_ARTIFACT, javaName, type);
      return null;
    }
    if (path != null) {
      reporter.error(p, path, Message.OUT_WITH_PATH, javaName, path.getAnnotationType().asElement().getSimpleName(), artifact, javaName);
      return null;
    }
    return new InputModel(javaName, javaName, Role.OUTPUT_ARTIFACT, ValueKind.FILE, TypeName.get(type), TypeName.get(type),
        false, false, artifact, false, null, description);
  }

  /** {@code Dataset data} or {@code Optional<Dataset> data}: an input artifact. */
  private InputModel inputArtifact(VariableElement p, String artifact, AnnotationMirror path, AnnotationMirror dflt, String description) {
    String javaName = p.getSimpleName().toString();
    TypeMirror type = p.asType();
    TypeMirror inner = mapper.optionalArgument(type);
    if (path != null) {
      reporter.error(p, path, Message.ARTIFACT_WITH_PATH, javaName, artifact, path.getAnnotationType().asElement().getSimpleName(),
          artifact, javaName, artifact, javaName);
      return null;
    }
    if (dflt != null) {
      reporter.error(p, dflt, Message.ARTIFACT_DEFAULT, javaName, artifact);
      return null;
    }
    return new InputModel(javaName, javaName, Role.INPUT_ARTIFACT, ValueKind.FILE, TypeName.get(type),
        TypeName.get(inner != null ? inner : type), inner != null, false, artifact, inner != null, null, description);
  }

  /**
   * Checks that a default parses as its kind; returns it in KFP's text form (booleans as
   * {@code True}/{@code False}), or null after reporting an error.
   */
  public String checkDefault(Element e, AnnotationMirror a, String name, String text, ValueKind kind, TypeMirror type) {
    try {
      switch (kind) {
        case INT:
          KfpValues.parseInt(text);
          return text;
        case LONG:
          KfpValues.parseLong(text);
          return text;
        case FLOAT:
          KfpValues.parseFloat(text);
          return text;
        case DOUBLE:
          KfpValues.parseDouble(text);
          return text;
        case BOOLEAN:
          return KfpValues.parseBoolean(text) ? "True" : "False";
        case ENUM: {
          TypeElement enumType = (TypeElement) ((DeclaredType) type).asElement();
          List<String> constants = enumType.getEnclosedElements().stream()
              .filter(x -> x.getKind() == ElementKind.ENUM_CONSTANT)
              .map(x -> x.getSimpleName().toString())
              .collect(Collectors.toList());
          if (!constants.contains(text)) {
            reporter.error(e, a, Message.BAD_DEFAULT, text, name, "enum " + enumType.getSimpleName(),
                "it is none of " + constants, constants.isEmpty() ? "" : constants.get(0));
            return null;
          }
          return text;
        }
        case JSON_ARRAY:
        case JSON_OBJECT: {
          var node = Yaml.json().readTree(text);
          if (kind == ValueKind.JSON_ARRAY ? !node.isArray() : !node.isObject()) {
            throw new IllegalArgumentException("it is not a JSON " + (kind == ValueKind.JSON_ARRAY ? "array" : "object"));
          }
          return text;
        }
        default:
          return text;
      }
    } catch (RuntimeException ex) {
      reporter.error(e, a, Message.BAD_DEFAULT, text, name, describeKind(kind), ex.getMessage(), example(kind));
      return null;
    }
  }

  private static String describeKind(ValueKind kind) {
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

  private List<OutputModel> returnOutputs(ExecutableElement method, Javadoc doc, Map<String, String> usedNames) {
    TypeMirror ret = method.getReturnType();
    String methodName = method.getSimpleName().toString();
    List<OutputModel> outputs = new ArrayList<>();
    if (ret.getKind() == TypeKind.VOID) {
      return outputs;
    }
    if (mapper.isRecord(ret)) {
      TypeElement record = (TypeElement) ((DeclaredType) ret).asElement();
      Javadoc recordDoc = Javadoc.parse(elements.getDocComment(record));
      for (RecordComponentElement rc : record.getRecordComponents()) {
        String n = rc.getSimpleName().toString();
        TypeMirror t = rc.asType();
        if (artifactReturned(method, methodName + "()." + n + "()", t)) {
          continue;
        }
        ValueKind kind;
        try {
          kind = mapper.kind(t);
        } catch (TypeMapper.Unsupported u) {
          reporter.error(method, u.message, methodName + "." + n, u.detail);
          continue;
        }
        if (kind == null) {
          reporter.error(method, Message.UNSUPPORTED_RETURN_TYPE, methodName + "()." + n + "()", t);
          continue;
        }
        String other = usedNames.putIfAbsent(n, n);
        if (other != null) {
          reporter.error(method, Message.DUPLICATE_INPUT, "output", n, "record component " + n, other);
          continue;
        }
        outputs.add(new OutputModel(n, n, OutputModel.Source.RECORD_COMPONENT, n, kind, TypeName.get(t), kind.kfpType(), recordDoc.param(n)));
      }
      return outputs;
    }
    if (artifactReturned(method, methodName, ret)) {
      return outputs;
    }
    ValueKind kind;
    try {
      kind = mapper.kind(ret);
    } catch (TypeMapper.Unsupported u) {
      reporter.error(method, u.message, methodName, u.detail);
      return outputs;
    }
    if (kind == null) {
      reporter.error(method, Message.UNSUPPORTED_RETURN_TYPE, methodName, ret);
      return outputs;
    }
    outputs.add(new OutputModel("Output", "output", OutputModel.Source.RETURN, null, kind, TypeName.get(ret), kind.kfpType(), doc.returns()));
    return outputs;
  }

  /** Reports a returned artifact: returned values are parameters; artifacts are written through {@code @Out}. */
  private boolean artifactReturned(ExecutableElement method, String what, TypeMirror type) {
    if (!mapper.isArtifact(type)) {
      return false;
    }
    String simple = ((DeclaredType) type).asElement().getSimpleName().toString();
    String name = simple.equals(simple.toUpperCase(java.util.Locale.ROOT)) ? simple.toLowerCase(java.util.Locale.ROOT)
        : Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
    reporter.error(method, Message.ARTIFACT_RETURNED, what, simple, simple, name);
    return true;
  }

  /** {@code dataPath} → {@code data}, {@code logFile} → {@code log}, as the KFP SDK drops _path/_file. */
  static String pathName(String javaName) {
    String name = javaName;
    for (String suffix : new String[] {"Path", "File", "_path", "_file"}) {
      if (javaName.endsWith(suffix) && javaName.length() > suffix.length()) {
        name = javaName.substring(0, javaName.length() - suffix.length());
        break;
      }
    }
    // KFP v1's UI files keep the SDK's names however the Java spells them: mlpipelineMetricsPath → mlpipeline_metrics
    String plain = name.replace("_", "").toLowerCase(java.util.Locale.ROOT);
    if (plain.equals("mlpipelinemetrics")) {
      return TypeMapper.MLPIPELINE_METRICS;
    }
    if (plain.equals("mlpipelineuimetadata")) {
      return TypeMapper.MLPIPELINE_UI_METADATA;
    }
    return name;
  }

  static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  public static String describe(ExecutableElement method) {
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    String params = method.getParameters().stream()
        .map(p -> simpleType(p.asType()))
        .collect(Collectors.joining(", "));
    return owner.getQualifiedName() + "." + method.getSimpleName() + "(" + params + ")";
  }

  /** A package prefix ({@code java.nio.file.}) and a type annotation ({@code @Nullable }), dropped from a type's text. */
  private static final Pattern PACKAGE = Pattern.compile("\\b[a-z][\\w]*\\.");
  private static final Pattern ANNOTATION = Pattern.compile("@\\S+ ");

  private static String simpleType(TypeMirror t) {
    return ANNOTATION.matcher(PACKAGE.matcher(t.toString()).replaceAll("")).replaceAll("");
  }

  /** An array attribute of {@code "key=value"} strings as a map; other entries are errors. */
  public Map<String, String> keyValues(Element element, AnnotationMirror a, String key) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String s : strings(a, key)) {
      int eq = s.indexOf('=');
      if (eq > 0) {
        map.put(s.substring(0, eq).strip(), s.substring(eq + 1).strip());
      } else {
        reporter.error(element, a, Message.BAD_KEY_VALUE, a.getAnnotationType().asElement().getSimpleName(), key, s);
      }
    }
    return map;
  }

}
