package dev.kfp4j.processor.validation;

import static dev.kfp4j.processor.base.Annotations.annotation;
import static dev.kfp4j.processor.base.Annotations.stringValue;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.kfp4j.processor.base.Annotations;
import dev.kfp4j.processor.base.ImageReference;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
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

  private final Elements elements;
  private final Reporter reporter;
  private final TypeMapper mapper;
  private final MethodChecks methods;
  private final DefaultValues defaults;
  private final ArtifactParameters artifacts;
  private final ReturnOutputs returns;
  private final Passthroughs passthroughs;
  private final String defaultImage;
  private final boolean kfp2;
  private final UniqueNames names;
  /** Qualifies the references of a doc comment copied onto an op; the comment as it is by default. */
  private java.util.function.BiFunction<javax.lang.model.element.Element, String, String> docLinks = (e, comment) -> comment;

  /** {@code kfp2}: the build writes each component's KFP 2 file, whose defaults are JSON. */
  public ComponentValidator(Elements elements, Types types, Reporter reporter, String defaultImage, boolean kfp2) {
    this.kfp2 = kfp2;
    this.elements = elements;
    this.reporter = reporter;
    this.mapper = new TypeMapper(types, elements);
    this.methods = new MethodChecks(reporter);
    this.defaults = new DefaultValues(reporter);
    this.artifacts = new ArtifactParameters(reporter, mapper);
    this.returns = new ReturnOutputs(elements, reporter, mapper);
    this.passthroughs = new Passthroughs(reporter);
    this.defaultImage = defaultImage;
    this.names = new UniqueNames(reporter, "component", Message.DUPLICATE_COMPONENT);
  }

  /** Has the doc comment copied onto each op written with {@code links}' references in full ({@code javac.DocLinks}). */
  public ComponentValidator docLinks(java.util.function.BiFunction<javax.lang.model.element.Element, String, String> links) {
    this.docLinks = links;
    return this;
  }

  /**
   * Claims the name of {@code method}, whose signature is not checked (a type of it is still unknown in the last round):
   * reports it when it is not valid or another component's, as it would be with the signature's other errors.
   */
  public void claimName(ExecutableElement method) {
    names.claim(method, annotation(method, COMPONENT));
  }

  /** The model of {@code method}, or null when it has errors (all of them reported). */
  public ComponentModel validate(ExecutableElement method) {
    int errorsBefore = reporter.errorCount();
    AnnotationMirror annotation = annotation(method, COMPONENT);
    String methodName = method.getSimpleName().toString();
    methods.checkModifiers(method, "Component", annotation);
    methods.checkReachable(method, "Component");
    if (annotation(method, PipelineValidator.PIPELINE) != null) {
      reporter.error(method, Message.COMPONENT_AND_PIPELINE, methodName);
    }
    if (!method.getTypeParameters().isEmpty()) {
      reporter.error(method, Message.GENERIC_METHOD, methodName);
    }
    TypeElement owner = (TypeElement) method.getEnclosingElement();

    String javadoc = elements.getDocComment(method);
    Javadoc doc = Javadoc.parse(javadoc);
    String name = names.claim(method, annotation);
    if (name == null) { // javac reports its name: the component is not written, and has no error of its own
      name = Names.kebab(methodName); // what its other errors call it
    }
    String description = stringValue(annotation, "description");
    if (description.isEmpty()) {
      description = doc.text();
    }
    String image = stringValue(annotation, "image");
    String badImage = image.isEmpty() ? null : ImageReference.whyInvalid(image);
    if (badImage != null) {
      reporter.error(method, annotation, "image", Message.BAD_IMAGE, image, badImage);
    }
    if (image.isEmpty()) {
      image = defaultImage;
    }
    if (image == null || image.isEmpty()) {
      image = ContainerSpec.NO_IMAGE; // runs locally; the cluster commands need run_config.image then
    }

    List<InputModel> inputs = new ArrayList<>();
    List<OutputModel> outputs = new ArrayList<>();
    Map<String, String> usedNames = new LinkedHashMap<>();
    String taskConfig = null;
    Map<String, VariableElement> outputParameters = new LinkedHashMap<>();
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
      if (input.kind() == ValueKind.TASK_CONFIG) {
        String first = taskConfig == null ? null : taskConfig;
        if (first != null) {
          reporter.error(p, Message.TASK_CONFIG_TWICE, input.javaName(), first);
        }
        taskConfig = first != null ? first : input.javaName();
      }
      if (input.isOutput()) {
        outputParameters.putIfAbsent(input.name(), p);
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
    outputParameters.forEach((n, p) -> outputNames.put(n, "parameter " + p.getSimpleName()));
    outputs.addAll(returns.of(method, doc, outputNames));
    for (OutputModel out : outputs) {
      VariableElement sameAccessor = outputParameters.get(out.accessor());
      if (out.source() == OutputModel.Source.RETURN && sameAccessor != null) { // 'output' beside 'Output'
        reporter.error(sameAccessor, Message.RETURNED_ACCESSOR_CLASH, out.accessor(), sameAccessor.getSimpleName());
      }
    }
    for (OutputModel out : outputs) {
      if (OutputModel.TASK_METHODS.contains(out.accessor())) {
        reporter.error(
            method, Message.OUTPUT_NAME_CLASH, out.name(), name, out.accessor(),
            out.source() == OutputModel.Source.RECORD_COMPONENT ? "record component" : "parameter");
      }
    }
    Map<String, String> annotations = dev.kfp4j.spec.TaskConfigs.annotated(
        methods.keyValues(method, annotation, "annotations"), passthroughs.of(method));
    Map<String, String> labels = methods.keyValues(method, annotation, "labels");
    if (reporter.errorCount() > errorsBefore || Annotations.unresolved(method)) { // javac reports a value it cannot resolve
      return null;
    }
    return new ComponentModel(
        method,
        ClassName.get(owner),
        methodName,
        name,
        description,
        docLinks.apply(method, javadoc), // the descriptions, read from javadoc above, keep the names as written
        image,
        annotations,
        labels,
        inputs,
        outputs,
        TypeName.get(method.getReturnType()),
        describe(method));
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
      return artifacts.output(p, out, inPath != null ? inPath : outPath, dflt, description);
    }
    TypeMirror inner = mapper.optionalArgument(type); // the T of an Optional<T>, else null
    boolean optionalWrapper = inner != null;
    TypeMirror valueType = optionalWrapper ? inner : type;
    if (Nullable.marks(p) && dflt == null && outPath == null && !optionalWrapper
        && mapper.artifactListItem(type) == null && !mapper.isType(type, TypeMapper.FINAL_STATUS)
        && !mapper.isType(type, TypeMapper.TASK_CONFIG)) {
      // as a pipeline parameter's @Nullable means "may be left out"; a component's optional input is Optional<T>
      String boxed = type.getKind().isPrimitive() ? ((ClassName) TypeName.get(type).box()).simpleName() : simpleType(type);
      reporter.error(p, Message.NULLABLE_COMPONENT_PARAMETER, javaName, javaName, boxed, javaName);
      return null;
    }
    if (mapper.artifactListItem(valueType) != null) {
      return artifacts.inputList(p, mapper.artifactListItem(valueType), inPath != null ? inPath : outPath, dflt, description);
    }
    String artifact;
    try {
      artifact = mapper.artifactType(valueType);
    } catch (TypeMapper.Unsupported u) {
      reporter.error(p, u.message, javaName, u.detail);
      return null;
    }
    if (artifact != null) {
      return artifacts.input(p, artifact, inPath != null ? inPath : outPath, dflt, description);
    }
    if (outPath != null) {
      // KFP has no optional output: its path is always given. Said before the type is, naming the type to write instead
      String optionalBy = dflt != null ? "it has @Default" : optionalWrapper ? "it is an Optional"
          : Nullable.marks(p) ? "it is @Nullable" : null;
      boolean isPath = mapper.isType(type, "java.nio.file.Path");
      boolean isString = mapper.isType(valueType, "java.lang.String");
      if (optionalBy != null) {
        reporter.error(p, dflt != null ? dflt : outPath, Message.OUTPUT_PATH_OPTIONAL, javaName, optionalBy,
            isString ? "String" : "Path", javaName);
        return null;
      }
      if (!isPath && !isString) {
        reporter.error(p, outPath, Message.OUTPUT_PATH_TYPE, javaName, type);
        return null;
      }
      return new InputModel(
          javaName, pathName(javaName), Role.OUTPUT_PATH, ValueKind.FILE, TypeName.get(type), TypeName.get(type),
          false, isString, emptyToNull(stringValue(outPath, "value")), false, null, description);
    }
    if (optionalWrapper && dflt != null) {
      reporter.error(p, dflt, Message.DEFAULT_ON_OPTIONAL, javaName);
      return null;
    }
    if (inPath != null && mapper.isType(valueType, TypeMapper.TASK_CONFIG)) {
      reporter.error(p, inPath, Message.TASK_CONFIG_MARKED, javaName, javaName, "@InputPath");
      return null;
    }
    if (inPath != null) {
      boolean isPath = mapper.isType(valueType, "java.nio.file.Path");
      boolean isString = mapper.isType(valueType, "java.lang.String");
      if (mapper.isType(valueType, "java.util.List")) {
        reporter.error(p, inPath, Message.INPUT_PATH_LIST, javaName, type, javaName);
        return null;
      }
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
    if (mapper.isType(valueType, TypeMapper.TASK_CONFIG)) {
      if (optionalWrapper || dflt != null || Nullable.marks(p)) {
        reporter.error(p, dflt, Message.TASK_CONFIG_MARKED, javaName, javaName,
            dflt != null ? "@Default" : optionalWrapper ? "Optional" : "@Nullable");
        return null;
      }
      // KFP's dsl.TaskConfig: an optional TASK_CONFIG input no task gives (the ops leave it out), filled by KFP's driver
      return new InputModel(javaName, javaName, Role.VALUE, ValueKind.TASK_CONFIG, TypeName.get(type), TypeName.get(type),
          false, false, ValueKind.TASK_CONFIG.kfpType(), true, null, description);
    }
    if (mapper.isType(valueType, TypeMapper.FINAL_STATUS)) {
      if (optionalWrapper || dflt != null) {
        reporter.error(p, dflt, Message.FINAL_STATUS_OPTIONAL, javaName, dflt != null ? "@Default" : "Optional");
        return null;
      }
      return new InputModel(javaName, javaName, Role.VALUE, ValueKind.FINAL_STATUS, TypeName.get(type), TypeName.get(type),
          false, false, ValueKind.FINAL_STATUS.kfpType(), false, null, description);
    }
    if (mapper.isType(valueType, "java.nio.file.Path")) { // a file needs its direction: read or written
      String written = optionalWrapper ? "Optional<Path>" : "Path";
      reporter.error(p, Message.PATH_UNMARKED, javaName, (optionalWrapper ? "an " : "a ") + written, written, javaName, javaName);
      return null;
    }
    ValueKind kind = mapper.kind(valueType, reporter, p, javaName, Message.UNSUPPORTED_PARAMETER_TYPE, javaName, type);
    if (kind == null) {
      return null;
    }
    String defaultText = null;
    if (dflt != null) {
      String text = stringValue(dflt, "value");
      defaultText = defaults.check(p, dflt, javaName, text, kind, valueType);
      if (defaultText == null
          || kfp2 && !defaults.kfp2Number(p, dflt, javaName, text, kind, "compile for KFP v1 only (-Akfp4j.formats=argo)")) {
        return null;
      }
    }
    return new InputModel(
        javaName, javaName, Role.VALUE, kind, TypeName.get(type), TypeName.get(valueType), optionalWrapper, false,
        kind.kfpType(), optionalWrapper || defaultText != null, defaultText, description);
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
    StringBuilder out = new StringBuilder().append(owner.getQualifiedName()).append('.').append(method.getSimpleName()).append('(');
    String separator = "";
    for (VariableElement p : method.getParameters()) {
      out.append(separator).append(simpleType(p.asType()));
      separator = ", ";
    }
    return out.append(')').toString();
  }

  /** A package prefix ({@code java.nio.file.}) and a type annotation ({@code @Nullable }), dropped from a type's text. */
  private static final Pattern PACKAGE = Pattern.compile("\\b[a-z][\\w]*\\.");
  private static final Pattern ANNOTATION = Pattern.compile("@\\S+ ");

  private static String simpleType(TypeMirror t) {
    String text = t.toString();
    if (text.indexOf('.') < 0 && text.indexOf('@') < 0) {
      return text; // int, a type variable: nothing to drop
    }
    if (text.indexOf('@') < 0 && ascii(text)) {
      return withoutPackages(text);
    }
    return ANNOTATION.matcher(PACKAGE.matcher(text).replaceAll("")).replaceAll("");
  }

  /**
   * {@link #PACKAGE} replaced by nothing in ASCII text, by hand (every component's header names its
   * parameter types): each word starting with a lower-case letter after a character of no word,
   * and followed by a dot, is dropped with its dot. {@code \b} of other letters is the JDK's to say.
   */
  static String withoutPackages(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      if (!word(text.charAt(i))) {
        out.append(text.charAt(i++));
        continue;
      }
      int end = i;
      while (end < text.length() && word(text.charAt(end))) {
        end++;
      }
      char first = text.charAt(i);
      if (first >= 'a' && first <= 'z' && end < text.length() && text.charAt(end) == '.') {
        i = end + 1;
      } else {
        out.append(text, i, end);
        i = end;
      }
    }
    return out.toString();
  }

  /** A character of {@code \w}. */
  private static boolean word(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
  }

  private static boolean ascii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
