package dev.kfp4j.processor.base;

/**
 * Every message the processor prints, each with a stable tag shown in brackets
 * ({@code [kfp4j:NotStatic]}). Tests assert on the tag and the line.
 */
public enum Message {
  NOT_STATIC("@%s method '%s' must be static: write 'public static %s %s(...)'"),
  NOT_PUBLIC("@%s method '%s' must be public: write 'public static %s %s(...)'"),
  NOT_IN_CLASS("@%s method '%s' must be declared in a top-level or static nested class, not in %s"),
  GENERIC_METHOD("@Component method '%s' must not declare type parameters; use concrete types"),
  UNSUPPORTED_PARAMETER_TYPE(
      "parameter '%s' has type '%s', which a component input cannot carry; use int, long, float, double, boolean, their boxes, String, an enum, List<...>, Map<String, ...>, a record or bean (as JSON), Optional<...> of these, or a Path with @InputPath/@OutputPath"),
  UNSUPPORTED_RETURN_TYPE(
      "'%s' returns '%s', which a component output cannot carry; return void, int, long, float, double, boolean, their boxes, String, an enum, List<...>, Map<String, ...>, a bean (as JSON), or a record (one output per component)"),
  OUTPUT_PATH_TYPE(
      "@OutputPath parameter '%s' has type '%s'; it must be java.nio.file.Path or String (the path to write to)"),
  INPUT_PATH_TYPE(
      "@InputPath parameter '%s' has type '%s'; it must be java.nio.file.Path, String or Optional<Path>"),
  BOTH_PATHS("parameter '%s' has both @InputPath and @OutputPath; keep one"),
  OUTPUT_PATH_OPTIONAL("@OutputPath parameter '%s' cannot be optional; remove @Default or Optional"),
  DUPLICATE_COMPONENT("component name '%s' is already used by %s; set @Component(name = \"...\") to a unique name"),
  INVALID_NAME("%s name '%s' is not valid: %s; try '%s'"),
  BAD_DEFAULT("@Default(\"%s\") of '%s' does not parse as %s: %s; write for example @Default(\"%s\")"),
  DEFAULT_ON_PATH("@InputPath parameter '%s' cannot have a @Default; make it Optional<Path> for an optional file"),
  BAD_KEY_VALUE("@%s(%s = ...) entry '%s' is not of the form \"key=value\""),
  DEFAULT_ON_OPTIONAL("'%s' is Optional and has a @Default; use one: Optional<T> for no value, or T with @Default"),
  DUPLICATE_INPUT("%s name '%s' of parameter '%s' is already used by '%s'; rename one of the parameters"),
  UNLOADABLE_INPUT("parameter '%s': %s"),
  OUTPUT_NAME_CLASH("output '%s' of component '%s' clashes with the task method '%s()'; rename the %s"),
  RAW_TYPE("parameter '%s' has raw type '%s'; give its type arguments, e.g. List<String>"),
  MAP_KEY("'%s' is a Map with key type '%s'; JSON objects have String keys: use Map<String, ...>"),
  COMPONENT_FILE_NOT_FOUND(
      "@ImportComponents names '%s', which is neither in the class output nor on the classpath; put it under src/main/resources or in a jar on the compile classpath"),
  BAD_COMPONENT_FILE("@ImportComponents file %s"),
  IMPORT_CLASH("'%s' has @Component methods and @ImportComponents, which would both write %s; import the components on another class"),
  INTERNAL_ERROR("kfp4j processor failed on this element (please report): %s"),
  // Pipelines
  PIPELINE_NOT_VOID("@Pipeline method '%s' must return void; its body only wires tasks"),
  PIPELINE_PARAMETER_TYPE(
      "pipeline parameter '%s' has type '%s'; use int, long, float, double, boolean, their boxes, String, an enum, List<...>, Map<String, ...> or a record"),
  TREES_UNAVAILABLE(
      "kfp4j reads @Pipeline bodies with javac's Tree API, which this compiler (%s) does not offer; compile with javac (Maven, Gradle or the JDK's javac)"),
  UNSUPPORTED_STATEMENT("%s"),
  UNSUPPORTED_ARGUMENT("%s"),
  UNKNOWN_TASK("%s"),
  TYPE_MISMATCH("%s"),
  CYCLE("tasks depend on each other in a cycle: %s; remove one of these after(...) calls"),
  BAD_SETTING("%s"),
  CONSTANT_TOO_LONG(
      "constant for '%s' is %d bytes, over KFP's 10,000-byte parameter limit; pass it as a file (@InputPath) or a pipeline parameter"),
  EXIT_HANDLER_NOT_OUTERMOST("%s"),
  MISSING_ARGUMENT("%s"),
  PIPELINE_CLASS_CLASH(
      "the class kfp4j generates for pipeline method '%s' would be named '%s', which is already a type; rename the method or the class"),
  DUPLICATE_PIPELINE("pipeline name '%s' is already used by %s; set @Pipeline(name = \"...\") to a unique name");

  private final String format;

  Message(String format) {
    this.format = format;
  }

  /** The tag printed in brackets, e.g. {@code kfp4j:NotStatic}. */
  public String tag() {
    StringBuilder sb = new StringBuilder("kfp4j:");
    boolean upper = true;
    for (char c : name().toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        sb.append(upper ? c : Character.toLowerCase(c));
        upper = false;
      }
    }
    return sb.toString();
  }

  public String format(Object... args) {
    return "[" + tag() + "] " + String.format(format, args);
  }
}
