package dev.kfp4j.processor.base;

/**
 * Every message the processor prints, each with a stable tag shown in brackets
 * ({@code [kfp4j:NotStatic]}). Tests assert on the tag and the line.
 */
public enum Message {
  NOT_STATIC("@%s method '%s' must be static: write 'public static %s %s(...)'"),
  NOT_PUBLIC("@%s method '%s' must be public: write 'public static %s %s(...)'"),
  NOT_IN_CLASS("@%s method '%s' must be declared in a top-level or static nested class, not in %s"),
  PRIVATE_CLASS("NotPublic",
      "@%s method '%s' is in private class '%s', which the generated ops and entrypoint cannot call; remove 'private' from class '%s'"),
  GENERIC_METHOD("@Component method '%s' must not declare type parameters; use concrete types"),
  UNSUPPORTED_PARAMETER_TYPE(
      "parameter '%s' has type '%s', which a component input cannot carry; use int, long, float, double, boolean, their boxes, String, an enum, List<...>, Map<String, ...>, a record or bean (as JSON), Optional<...> of these, a Path with @InputPath/@OutputPath, or one artifact (Dataset, Model, ..., @Out for an output)"),
  PATH_UNMARKED("UnsupportedParameterType",
      "parameter '%s' is %s, which is a file only with @InputPath or @OutputPath: write @InputPath %s %s for a file the task reads, or @OutputPath Path %s for one it writes"),
  UNSUPPORTED_RETURN_TYPE(
      "'%s' returns '%s', which a component output cannot carry; return void, int, long, float, double, boolean, their boxes, String, an enum, List<...>, Map<String, ...>, a bean (as JSON), or a record (one output per component)"),
  FINAL_STATUS_NOT_A_VALUE("FinalStatusType",
      "'%s' is of type %s, the pipeline's final status, which no pipeline output or value carries: only a parameter of the exit task's @Component method, or of a @Pipeline method run as the exit task, takes it, given Dsl.runStatus() in Dsl.exitHandler(...)"),
  FINAL_STATUS_RETURNED("FinalStatusType",
      "'%s' returns %s, the pipeline's final status, which is an input only: the exit task's @Component method takes it as a parameter, given Dsl.runStatus() in Dsl.exitHandler(...); return a value or a record of values"),
  FINAL_STATUS_OUT("FinalStatusType",
      "@Out parameter '%s' is of type %s, the pipeline's final status, which is an input only: take it without @Out, in the exit task's @Component method, given Dsl.runStatus() in Dsl.exitHandler(...)"),
  FINAL_STATUS_TWICE("FinalStatusType",
      "parameter '%s' takes the pipeline's final status, which parameter '%s' takes already: a pipeline run as the exit task takes it once; remove one"),
  FINAL_STATUS_OPTIONAL("FinalStatusType",
      "parameter '%s' takes the pipeline's final status, which the exit task always gets: remove %s"),
  TASK_CONFIG_TWICE("TaskConfig",
      "parameter '%s' takes the task's configuration (TaskConfig), which parameter '%s' takes already: KFP gives a component one; remove one"),
  TASK_CONFIG_MARKED("TaskConfig",
      "parameter '%s' takes the task's configuration (TaskConfig), which KFP's driver always gives a component (empty when no field is passed through): take it as 'TaskConfig %s', without %s"),
  TASK_CONFIG_NOT_A_VALUE("TaskConfig",
      "'%s' is of type %s, the task's configuration, which no output or pipeline value carries: only a parameter of a @Component method takes it, filled by KFP's driver from its task's settings"),
  PASSTHROUGH_TWICE("TaskConfig",
      "@TaskConfigPassthrough lists field %s twice on '%s'; list each field once, in one @TaskConfigPassthrough (applyToTask = true for those set on the task's own pod too)"),
  PASSTHROUGH_EMPTY("TaskConfig",
      "@TaskConfigPassthrough on '%s' lists no field; list the task's settings the component receives, such as @TaskConfigPassthrough({RESOURCES, ENV}), or remove it"),
  PASSTHROUGH_NOT_LISTED("TaskConfig",
      "%s sets the task's %s, which component '%s' does not pass through (its @TaskConfigPassthrough lists %s): KFP's compiler refuses it (\"cannot handle resource type '%s'\"); add %s to its @TaskConfigPassthrough, or remove this setting"),
  OUTPUT_PATH_TYPE(
      "@OutputPath parameter '%s' has type '%s'; it must be java.nio.file.Path or String (the path to write to)"),
  INPUT_PATH_TYPE(
      "@InputPath parameter '%s' has type '%s'; it must be java.nio.file.Path, String or Optional<Path>"),
  BOTH_PATHS("parameter '%s' has both @InputPath and @OutputPath; keep one"),
  OUTPUT_PATH_OPTIONAL("@OutputPath parameter '%s' cannot be optional; remove @Default or Optional"),
  DUPLICATE_COMPONENT("component name '%s' is already used by %s; set @Component(name = \"...\") to a unique name"),
  INVALID_NAME("%s name '%s' is not valid: %s; try '%s'"),
  BAD_IMAGE("@Component(image = \"%s\") is not a container image reference: %s; write for example \"registry.example.com/team/app:1.0\""),
  BAD_DEFAULT("@Default(\"%s\") of '%s' does not parse as %s: %s; write for example @Default(\"%s\")"),
  DEFAULT_ON_PATH("@InputPath parameter '%s' cannot have a @Default; make it Optional<Path> for an optional file"),
  BAD_KEY_VALUE("@%s(%s = ...) entry '%s' is not of the form \"key=value\""),
  BAD_LABEL("BadKeyValue", "@%s(%s = ...) entry '%s': %s"),
  NULLABLE_COMPONENT_PARAMETER("NullableParameter",
      "component parameter '%s' is @Nullable, which does not make its input optional: the input stays required. For KFP's '%s: ... = None', write Optional<%s> %s (or give it a @Default)"),
  DEFAULT_ON_OPTIONAL("'%s' is Optional and has a @Default; use one: Optional<T> for no value, or T with @Default"),
  DUPLICATE_INPUT("%s name '%s' of parameter '%s' is already used by '%s'; rename one of the parameters"),
  RETURNED_OUTPUT_CLASH("DuplicateInput",
      "'%s' returns its value as the output 'Output', which %s names too; rename that parameter (an @OutputPath parameter is named as it is, less a trailing Path or File)"),
  UNLOADABLE_INPUT("parameter '%s': %s"),
  OUTPUT_NAME_CLASH("output '%s' of component '%s' clashes with the task method '%s()'; rename the %s"),
  RAW_TYPE("parameter '%s' has raw type '%s'; give its type arguments, e.g. List<String>"),
  MAP_KEY("'%s' is a Map with key type '%s'; JSON objects have String keys: use Map<String, ...>"),
  // Artifacts
  OUT_NOT_ARTIFACT(
      "@Out parameter '%s' has type '%s'; @Out marks an output artifact: use Artifact, Dataset, Model, Metrics, ClassificationMetrics, HTML or Markdown, or KFP v1's MlpipelineMetrics or MlpipelineUiMetadata (for a plain file to write, @OutputPath Path)"),
  OUT_WITH_PATH("parameter '%s' has @Out and @%s; an output artifact takes @Out alone: write '@Out %s %s'"),
  OUT_OPTIONAL("@Out parameter '%s' cannot be optional: a component writes every output artifact; remove %s"),
  ARTIFACT_WITH_PATH(
      "artifact parameter '%s' (%s) takes no @%s: write '%s %s' for an input artifact, '@Out %s %s' for an output"),
  OUT_ARTIFACT_LIST(
      "@Out parameter '%s' has type '%s', a list of artifacts; KFP's components write no list of artifacts (it comes only from a loop, Dsl.collect): write one artifact, '@Out %s %s', and collect it over a loop"),
  ARTIFACT_LIST_WITH_PATH(
      "parameter '%s' (%s) takes a list of artifacts and no @%s: write 'List<%s> %s' and read each artifact's path()"),
  ARTIFACT_LIST_OPTIONAL(
      "list of artifacts '%s' cannot be optional (%s): a loop over no items gives it an empty list; write 'List<%s> %s'"),
  ARTIFACT_DEFAULT("artifact parameter '%s' cannot have a @Default; make it Optional<%s> for an optional input"),
  ARTIFACT_RETURNED(
      "'%s' returns an artifact (%s); returned values are parameters: take '@Out %s %s' as a parameter, write its path() and metadata()"),
  UNKNOWN_ARTIFACT_TYPE(
      "'%s' has type '%s', an artifact type kfp4j does not pass; use Artifact, Dataset, Model, Metrics, ClassificationMetrics, HTML or Markdown, and tell yours apart by metadata"),
  RESERVED_NAME("%s name '%s' is reserved: KFP 2 passes its executor input as --%s; rename the parameter"),
  GENERATED_CLASS_CLASH(
      "the class '%s' that kfp4j generates for '%s' is %s; rename this class (generated names are the class's nested names joined by '_', then Ops or Entrypoint)"),
  COMPONENT_FILE_NOT_FOUND(
      "@ImportComponents names '%s', which is neither in the class output nor on the classpath; put it under src/main/resources or in a jar on the compile classpath%s"),
  COMPONENT_FILE_TWICE("DuplicateComponent",
      "@ImportComponents names '%s' twice, which would make two ops of one component; name each file once"),
  BAD_COMPONENT_FILE("@ImportComponents file %s"),
  IMPORT_CLASH("'%s' has @Component methods and @ImportComponents, which would both write %s; import the components on another class"),
  INTERNAL_ERROR("kfp4j processor failed on this element (please report): %s"),
  BAD_OPTION("processor option -A%s=%s: %s"),
  // Pipelines: the signature
  PIPELINE_RETURN_TYPE(
      "@Pipeline method '%s' returns '%s'; a pipeline returns void, one task output (int, long, double, boolean, String, an enum, List<...>, Map<String, ...>, a Path for a file or artifact), or a record of several, which are its outputs"),
  PIPELINE_PARAMETER_TYPE(
      "pipeline parameter '%s' has type '%s'; use int, long, float, double, boolean, their boxes, String, an enum, List<...>, Map<String, ...> or a record"),
  PIPELINE_PARAMETER_ARTIFACT("PipelineParameterType",
      "pipeline parameter '%s' has type '%s': a pipeline takes values, not artifacts (KFP's Input[Dataset] pipeline input); take the artifact's URI, String %sUri, and bring the artifact into the run with var data = Dsl.importer(%sUri, %s.class), giving data.artifact() to the tasks"),
  OPTIONAL_PIPELINE_PARAMETER("PipelineParameterType",
      "pipeline parameter '%s' has type '%s', which the ops it is passed to do not take; a parameter a run may leave out is its value's type marked @Nullable (any annotation of that name): @Nullable %s %s"),
  NULLABLE_PRIMITIVE("PipelineParameterType",
      "pipeline parameter '%s' is @Nullable, but the primitive %s cannot be left out; write @Nullable %s %s"),
  OPTIONAL_PARAMETER_INPUT("OptionalParameter",
      "pipeline parameter '%s' may be left out (@Nullable, no @Default), and input '%s' of '%s' needs a value; pass it to an optional input (Optional<...>, or one with a @Default), or give the parameter a @Default"),
  OPTIONAL_PARAMETER_USE("OptionalParameter",
      "%s needs a value, and pipeline parameter '%s' may be left out (@Nullable, no @Default); give the parameter a @Default"),
  PIPELINE_CLASS_CLASH(
      "the class kfp4j generates for pipeline method '%s' would be named '%s', which is %s; rename the method or the class"),
  DUPLICATE_PIPELINE("pipeline name '%s' is already used by %s; set @Pipeline(name = \"...\") to a unique name"),
  UNRESOLVED_TYPE(
      "%s '%s' was not compiled: its type '%s' is still unknown after the last round of annotation processing; fix that type (see javac's error for it)"),
  TREES_UNAVAILABLE(
      "kfp4j reads @Pipeline bodies with javac's Tree API, which this compiler (%s) does not offer; compile with javac (Maven, Gradle or the JDK's javac)"),
  // Pipelines: statements of the body
  ONLY_TASK_VARIABLES("UnsupportedStatement",
      "a pipeline body declares only task variables (var t = SomeOps.op(...)); make '%s' a pipeline parameter, or a static final constant of the class"),
  OUTPUT_VARIABLE("UnsupportedStatement",
      "'%s' would hold %s, a task output that exists only when the pipeline runs; pass %s itself to the ops that take it"),
  TASK_VARIABLE_WITHOUT_OP("UnsupportedStatement",
      "task variable '%s' is declared without its op call; declare it with the call that makes the task: var %s = SomeOps.op(...)"),
  NOT_A_DAG_STATEMENT("UnsupportedStatement",
      "'%s' cannot be compiled into the pipeline's DAG: a pipeline body holds only op calls, task settings and Dsl.when/forEach/exitHandler; use Dsl.when(...) instead of if, Dsl.forEach(...) instead of loops"),
  NOT_A_DAG_EXPRESSION("UnsupportedStatement",
      "'%s' cannot be compiled into the pipeline's DAG: a pipeline body holds only op calls, task settings and Dsl.when/forEach/exitHandler"),
  CONDITION_AS_STATEMENT("UnsupportedStatement", "Dsl.%s(...) is a condition; use it as the first argument of Dsl.when(...)"),
  NOT_AN_OP_CALL("UnsupportedStatement", "'%s' is not an op call; call a generated op such as CalcOps.add(a, b)"),
  NOT_AN_OP_OR_SETTING("UnsupportedStatement",
      "'%s' is neither an op nor a task setting; a pipeline body calls generated ops (e.g. CalcOps.add(a, b)), settings on their tasks and Dsl methods"),
  COMPONENT_CALL(
      "'%s' calls the @Component method itself, which would run it while the pipeline is being built; call its op %s.%s(...), which makes a task of it"),
  PIPELINE_CALL_VALUE("UnsupportedStatement",
      "'%s' passes the call of @Pipeline method '%s' as a value, but it %s"),
  PIPELINE_RECURSION("PipelineRecursion",
      "'%s' makes pipeline '%s' hold itself (%s), which would never end; call the ops of its tasks here instead"),
  NESTED_PIPELINE("UnsupportedStatement", "pipeline '%s' cannot be put into this pipeline: %s"),
  EXIT_HANDLER_NOT_ALONE("ExitHandlerNotOutermost",
      "Dsl.exitHandler(...) must be the only statement of the body of a pipeline written as an Argo workflow too, with every task inside its lambda, as KFP v1's onExit runs after every task: move the other statements into it, or write the pipeline for KFP 2 only, @Pipeline(formats = Format.KFP2), where tasks may run beside an exit handler"),
  EXIT_TASK_MADE_BEFORE("ExitHandlerNotOutermost",
      "exit task '%s' is made before Dsl.exitHandler(...), as KFP's exit_task = op(...) before 'with dsl.ExitHandler(exit_task)'; in Java the exit task is made in the call, the body's only statement: Dsl.exitHandler(%s, () -> { ... })"),
  NOT_A_BRANCH_CHAIN("UnsupportedStatement",
      "'%s': a chain of branches starts with Dsl.when(...) and goes on in the same statement: Dsl.when(c1, () -> ...).orWhen(c2, () -> ...).otherwise(() -> ...)"),
  COLLECT_NOT_ASSIGNED("UnsupportedStatement",
      "Dsl.collect(...) gives the list of its loop's outputs: assign it to a variable (var xs = Dsl.collect(...)) and pass that on; for a loop whose outputs are not needed, use Dsl.forEach"),
  RETURN_NOT_OUTPUT("UnsupportedStatement",
      "a pipeline returns its outputs: a task output (return t.output();), a list Dsl.collect made, a value Dsl.oneOf gave, or a record of these (return new Result(a.output(), b.output());); '%s' is none of these"),
  EXIT_HANDLER_NOT_ALONE_IN_ARGO("NotInArgo",
      "another Dsl.exitHandler(...) after the first: KFP v1's Argo workflow has one exit handler (onExit), as KFP v1's compiler allowed one; several exit handlers, one after another, are KFP 2's: write this pipeline for KFP 2 only, @Pipeline(formats = Format.KFP2), or put every task into the one exit handler's lambda"),
  EXIT_HANDLERS_PIPELINE("UnsupportedStatement",
      "the exit task of one of several exit handlers (or of one beside other statements) is a pipeline (KFP 2's pipeline as exit task), which kfp4j runs for a pipeline's one exit handler, the body's only statement: make it a component's task, Dsl.exitHandler(XOps.notify(...), () -> { ... }), or write one exit handler holding every task"),
  EXIT_HANDLER_NESTED("ExitHandlerNotOutermost",
      "Dsl.exitHandler(...) must be the outermost statement of the pipeline body, not inside a condition or loop"),
  // Pipelines: arguments, conditions and loops
  NOT_AN_ARGUMENT("UnsupportedArgument",
      "'%s' cannot be passed to a task: pass a pipeline parameter, a constant (literal or static final field), a task output such as t.output(), or a loop item"),
  FIELD_NOT_CONSTANT("UnsupportedArgument",
      "static final field '%s' is no constant kfp4j can read at compile time: a field given to a task or looped over is a compile-time constant (String or primitive) of any class, or List.of, Map.of or a record built from constants in the pipeline's own class; declare it there, or write the value in the call"),
  TEXT_PART("UnsupportedArgument",
      "'%s' cannot be part of a text given to a task: join (+) constants, pipeline parameters, value outputs of tasks such as t.output() and loop items"),
  TEXT_PART_FILE("UnsupportedArgument",
      "'%s' is a file (an artifact in KFP 2), which a text given to a task cannot hold; give the file to a file input, and read it in the component"),
  VALUE_NOT_OF_FILE("UnsupportedArgument",
      "Dsl.value(%s) reads what a task wrote to a file output into a value; give it a task's @OutputPath output, such as t.text() of @OutputPath(\"String\") Path textPath"),
  VALUE_TO_FILE("UnsupportedArgument",
      "input '%s' of '%s' takes a file, but Dsl.value(%s) is the file's content read as a value; give the file itself: %s"),
  TASK_NOT_A_VALUE("UnsupportedArgument", "'%s' is a task, not a value; pass one of its outputs, e.g. %s.output()"),
  LOOP_NOT_A_VALUE("UnsupportedArgument",
      "'%s' is a loop (Dsl.forEach), which a task can only wait for: write t.after(%s) to run t once every iteration finished; to pass what the loop made, give the loop's outputs with Dsl.collect"),
  LOOP_AFTER_NOT_A_VARIABLE("UnsupportedArgument",
      "after(...) waits for a loop through its variable: write var loop = Dsl.forEach(...); before the task, then t.after(loop)"),
  LOOP_AFTER_INSIDE("Cycle",
      "task inside loop '%s' waits for that loop (%s), which ends only after the task: a cycle; call after(%s) on a task written after the loop, outside its lambda"),
  COLLECTION_NOT_CONSTANT("UnsupportedArgument",
      "List.of/Map.of and records given to a task are built from constants only (literals, static final constants, enum constants, "
          + "and List.of/Map.of/records of these); '%s' is not one: pass a pipeline parameter or a task output whole instead"),
  EXIT_TASK_IS_GRAPH("UnsupportedArgument",
      "the exit task is one container task; '%s' is a graph component: call it inside the exit handler's lambda, or make the exit task one of its components"),
  EXIT_TASK_NOT_A_TASK("UnsupportedArgument",
      "the exit task is one container task; '%s' is %s, which runs no container of its own: make the exit task an op call, and do the rest inside the exit handler's lambda"),
  EXIT_HANDLER_NAME("BadSetting",
      "the exit handler's name must be a String constant that is not blank (a literal or a static final field), not '%s': write Dsl.exitHandler(exitTask, \"notify\", () -> { ... })"),
  EXIT_PIPELINE_NOT_A_CALL("UnsupportedArgument",
      "a pipeline run as the exit task is one call of a @Pipeline method in the first lambda, Dsl.exitHandler(() -> Cleanup.cleanup(Dsl.runStatus()), () -> { ... }); '%s' is not: call one @Pipeline method there, or give a component's task itself, Dsl.exitHandler(XOps.notify(Dsl.runStatus()), () -> { ... })"),
  EXIT_PIPELINE_ELSEWHERE("UnsupportedStatement",
      "'%s' calls pipeline '%s', which takes the pipeline's final status (parameter '%s') and so runs only as the exit task: call it in the first lambda of Dsl.exitHandler(() -> ..., () -> { ... })"),
  EXIT_PIPELINE_STATUS("UnsupportedArgument",
      "parameter '%s' of pipeline '%s' takes the pipeline's final status: give it Dsl.runStatus()"),
  EXIT_PIPELINE_STATUS_IN_GROUP("UnsupportedArgument",
      "task '%s' is inside '%s' and takes the pipeline's final status, which KFP 2 gives only to the tasks of the top level of a pipeline run as the exit task: give it to a task there and compare that task's output"),
  EXIT_TASK_READS_OUTPUT("UnsupportedArgument",
      "the exit task runs when the pipeline ends and cannot read task outputs; pass constants, pipeline parameters, "
      + "or the pipeline's final status (Dsl.runStatus())"),
  NOT_A_GROUP_LAMBDA("UnsupportedArgument", "expected a lambda such as () -> { ... } holding the tasks of this group"),
  NOT_A_LOOP_LAMBDA("UnsupportedArgument", "expected a lambda such as item -> { ... } taking the loop item"),
  RUN_STATUS_NOT_EXIT_TASK("UnsupportedArgument",
      "Dsl.runStatus() is the pipeline's final status, which only the exit task gets, once the rest has ended; task '%s' is not the exit task: give it to the task of Dsl.exitHandler(XOps.notify(Dsl.runStatus()), () -> { ... })"),
  RUN_STATUS_NOT_ONE_UPSTREAM("UnsupportedArgument",
      "Dsl.runStatus() given to '%s', which runs after a failure (ignoreUpstreamFailure()), is the status of the one task it waits for; it waits for %s: as KFP's compiler, kfp4j takes exactly one (add .after(t) for the one, or make it the exit task of Dsl.exitHandler)"),
  UPSTREAM_FAILURE_INPUT_REQUIRED("BadSetting",
      "'%s' runs after a failure (ignoreUpstreamFailure()), but its input '%s' takes an output of '%s', which a failed task does not give, and has no default: give the parameter a @Default (KFP then passes the default, as its compiler requires), or pass another value"),
  UPSTREAM_FAILURE_EXIT_TASK("BadSetting",
      "the exit task runs once the rest has ended, whatever happened: ignoreUpstreamFailure() adds nothing to it; remove it"),
  RUN_STATUS_COMPARED("UnsupportedArgument",
      "'%s' is the pipeline's final status, which no condition can read: give it to the exit task, Dsl.exitHandler(XOps.notify(Dsl.runStatus()), () -> { ... }), and read status.succeeded() in its component"),
  ARTIFACT_ITEM_COMPARED("UnsupportedArgument",
      "'%s' is an artifact, one of the list '%s' iterates over, which no condition can read: pass it to a task that reads it, and compare that task's output"),
  ARTIFACT_COMPARED("UnsupportedArgument",
      "'%s' is an artifact, output '%s' of '%s', which no condition can read in KFP 2: pass it to a task that reads it, and compare that task's output"),
  RUN_VALUE_COMPARED("UnsupportedArgument",
      "'%s' is a value of the run, which KFP 2's conditions cannot read: pass it to a task and compare that task's output"),
  NOT_A_CONDITION("UnsupportedArgument", "a condition is Dsl.eq/ne/lt/le/gt/ge(a, b) written in the call; nest Dsl.when(...) for 'and'"),
  NOT_LOOP_ITEMS("UnsupportedArgument", "Dsl.forEach loops over List.of(constants...), a List pipeline parameter, a List task output or the artifacts Dsl.collect collected"),
  LOOP_OVER_COLLECTED_VALUES("UnsupportedArgument",
      "Dsl.forEach loops over the values of '%s' collected from '%s'; a loop takes a list Dsl.collect made of artifacts only (KFP's dsl.ParallelFor over a list of artifacts), as KFP's compiler takes no dsl.Collected of values as a loop's items: loop over the items the values were made from, or pass the list to a task"),
  LOOP_OVER_CALLED_PIPELINE("UnsupportedArgument",
      "input '%s' of '%s' is an artifact, but the item of '%s' is one value of the list pipeline '%s' returns: kfp4j reads a called pipeline's outputs from its Java signature, where a List<Path> is a list of values; loop over the artifacts in the pipeline whose Dsl.collect collects them"),
  NOT_A_LOOP_FIELD("UnsupportedArgument",
      "'%s' would call '%s' in Java, but a loop item exists only when the pipeline runs: pass the item itself, or a component of a record item such as item.a()"),
  LOOP_MAP_KEY("UnsupportedArgument",
      "a map loop item's value is read with a constant key that is a name (letters, digits and _, as KFP's item.A_a), such as %2$s.get(\"a\"); '%1$s' is not one"),
  LOOP_ITEM_NOT_CONSTANT("UnsupportedArgument",
      "loop items are constants (literals, static final constants, enum constants), or records, List.of or Map.of built from them; '%s' is not"),
  LOOP_ITEM_NOT_CANONICAL("UnsupportedArgument",
      "a loop item is built with %s's canonical constructor, whose arguments are its fields in order; this call is another constructor: write new %s(%s)"),
  LOOP_FIELD_NOT_CONSTANT("UnsupportedArgument", "loop items are built from constants only; '%s' is not a constant"),
  LOOP_PARALLELISM("BadSetting", "loop parallelism must be a constant int of at least 1, found '%s'; for no limit (KFP's parallelism=0) leave it out: Dsl.forEach(items, item -> ...)"),
  ONE_OF_NOT_OUTPUT("OneOfNotOutput",
      "each branch of Dsl.oneOf(...) gives an output of a task made in its own lambda, such as () -> CoinOps.print(\"heads\").output(), or a block ending in return t.output(); '%s' is not"),
  ONE_OF_TYPES("OneOfTypes",
      "every branch of Dsl.oneOf(...) gives an output of one KFP type, as KFP's dsl.OneOf requires; output '%s' of task '%s' is %s, but the first branch gives %s"),
  ONE_OF_WITHOUT_OTHERWISE("OneOfWithoutOtherwise",
      "'%s': a chain begun with Dsl.oneOf(...) ends with .otherwise(() -> ...), which gives the value when no other branch runs; KFP's dsl.OneOf requires the else branch"),
  ONE_OF_NOT_ASSIGNED("UnsupportedStatement",
      "Dsl.oneOf(...) gives the output of the branch that ran: assign it to a variable (var v = Dsl.oneOf(...)...otherwise(...)) and pass that on; for branches whose outputs are not needed, use Dsl.when"),
  COLLECT_NOT_OUTPUT("UnsupportedArgument",
      "the lambda of Dsl.collect returns what it collects: an output of a task made in the loop's own body, such as item -> CalcOps.square(item).output(); '%s' is not"),
  ARTIFACT_LIST_ARGUMENT("TypeMismatch",
      "input '%s' of '%s' takes a list of artifacts, not %s; give it the artifacts a loop collects: var xs = Dsl.collect(items, item -> SomeOps.make(item).data())"),
  COLLECTED_ARTIFACTS_TO_ONE("TypeMismatch",
      "input '%s' of '%s' takes one %s, not the list of artifacts of '%s' collected from '%s'; take a List<...> of artifacts in the component, or pass one artifact"),
  // Pipelines: tasks and their outputs
  NOT_A_TASK("UnknownTask", "'%s' is not a task of this pipeline"),
  NO_COMPONENT_SPEC("UnknownTask", "no component spec '%s' found for op %s; is the jar that holds it on the compile classpath?"),
  UNKNOWN_INPUT("UnknownTask", "component '%s' has no input '%s'; its inputs are %s. Compile the op's class again if its component changed"),
  OUTPUT_OUT_OF_SCOPE("UnknownTask",
      "output '%s' of task '%s' is made inside a Dsl.when/forEach group that does not enclose this call; use it inside that group"),
  AFTER_OUT_OF_SCOPE("UnknownTask",
      "task '%s' is inside a Dsl.when/forEach group that does not enclose this call; 'after' can name tasks of this group or enclosing ones"),
  NO_GRAPH_OUTPUT("UnknownTask",
      "output '%s' of graph component '%s' has no entry in its spec's outputValues (or comes from a graph input left out), so no task gives it"),
  NO_RESOURCE_OUTPUT("UnknownTask", "task '%s' has no output '%s'; declare it with .attributeOutput(name, jsonPath) first; it has %s"),
  GRAPH_NOT_COMPILABLE("UnknownTask", "graph component '%s' cannot be inlined into the pipeline: %s"),
  MISSING_ARGUMENT("task '%s' gives no value for the required input '%s'"),
  MISSING_GRAPH_ARGUMENT("MissingArgument",
      "task '%s' of graph component '%s' gives no value for the required input '%s' of '%s'; pass the graph input it takes"),
  FILE_TYPE_MISMATCH("TypeMismatch",
      "output '%s' of task '%s' has type %s but input '%s' of '%s' takes %s; pass an output of type %s"),
  COMPARISON_TYPE_MISMATCH("TypeMismatch",
      "Dsl.%s(%s, %s) compares a value of type %s with one of type %s; KFP compares two numbers as numbers and anything else as text, so compare a number with a number or text with text"),
  BOOLEAN_COMPARISON("TypeMismatch",
      "Dsl.%s(%s, %s) compares a Boolean with a value of type %s, which matches in one format only (KFP v1 writes a Boolean True, KFP 2 true); compare it with a Java boolean: Dsl.%s(%s, true)"),
  CONSTANT_TOO_LONG(
      "constant for '%s' is %d bytes, over KFP's 10,000-byte parameter limit; pass it as a file (@InputPath) or a pipeline parameter"),
  DEFAULT_TOO_LONG("ConstantTooLong",
      "@Default of '%s' is %d bytes, over KFP's 10,000-byte parameter limit, and a task that leaves the input out passes it as a constant; read the text from a file (@InputPath) or a resource instead"),
  CYCLE("tasks depend on each other in a cycle: %s; remove one of these after(...) calls"),
  // Pipelines: settings
  /** A setting's values rejected by its {@code dev.kfp4j.model.TaskSetting} record, whose message names the method. */
  SETTING_REJECTED("BadSetting", "%s"),
  SETTING_NOT_CONSTANT("BadSetting", "the argument of %s(...) must be a constant (a literal or a static final field), not '%s'"),
  SETTING_NOT_FROM_RUN("BadSetting",
      "the argument of %s(...) must be a constant (a literal or a static final field), a pipeline parameter or a task's output, not '%s'"),
  ARGO_SETTING_FROM_RUN("NotInArgo",
      "%s(%s) takes its value when the task runs, which only KFP 2 can (KFP's set_cpu_limit(cpu), kfp-kubernetes' mount_pvc(t, pvc_name=p), add_node_selector_json(t, p)): kfp4j writes such settings of an Argo workflow as constants; give a constant, or write this pipeline for KFP 2 only: @Pipeline(formats = Format.KFP2)"),
  NOT_A_SETTING("BadSetting", "%s(...) is not a task setting; a pipeline body calls only the settings of dev.kfp4j.dsl.Task on a task"),
  UNKNOWN_SETTING("BadSetting",
      "%s(...) is not a setting this kfp4j processor knows; use the same version of kfp4j-processor and kfp4j-runtime"),
  GRAPH_CALL_SETTING("BadSetting",
      "%s(...) sets one container task; '%s' is a graph component, whose tasks take the settings its spec gives them (executionOptions); only after(...) applies to it"),
  RESOURCE_STEP_SETTING("BadSetting",
      "%s(...) does not apply to a Kubernetes resource step; it takes successCondition, failureCondition, attributeOutput, displayName, retries, retryBackoff and timeout"),
  VOLUME_NAME("BadSetting", "Dsl.volume: the resource name must be a constant valid Kubernetes name, such as \"my-pvc\""),
  VOLUME_SIZE("BadSetting", "Dsl.volume: the size '%s' is not a Kubernetes quantity; write e.g. \"1Gi\""),
  VOLUME_CLAIM_TWICE("BadSetting",
      "Dsl.volume: this volume makes claim '%s', which volume '%s' makes already, and a run makes a claim once; give this volume a resource name of its own, or mount volume '%s'"),
  VOLUME_FIXED_IN_LOOP("BadSetting",
      "Dsl.volume in a loop: each iteration would make claim '%s' (uniqueName(false)) again; make the volume before the loop and mount it in the loop's tasks, or %s"),
  RESOURCE_ACTION("BadSetting", "Dsl.resource: the action must be a constant, one of %s"),
  RESOURCE_MANIFEST_NOT_CONSTANT("BadSetting", "Dsl.resource: the manifest must be a String constant (a static final text block)"),
  RESOURCE_MANIFEST("BadSetting", "Dsl.resource: the manifest is not a Kubernetes resource: it needs 'apiVersion' and 'kind'"),
  RESOURCE_MANIFEST_YAML("BadSetting", "Dsl.resource: the manifest is not a Kubernetes resource: %s"),
  // Formats: what one format cannot express
  KFP2_RESOURCE_STEP("NotInKfp2",
      "Dsl.resource(...) has no KFP 2 equivalent: KFP 2 runs no Kubernetes resource step; run kubectl in a component of your own, or write this pipeline for KFP v1 only: @Pipeline(formats = Format.ARGO)"),
  KFP2_VALUE_TO_FILE("NotInKfp2",
      "input '%s' of '%s' is a file, which KFP 2 passes as an artifact: it takes only a file output of another task, and %s is not one; pass the output of a task that writes the file, or write this pipeline for KFP v1 only: @Pipeline(formats = Format.ARGO)"),
  KFP2_FILE_TO_VALUE("NotInKfp2",
      "input '%s' of '%s' takes a value, but output '%s' of '%s' is a file (an artifact in KFP 2), which KFP 2 does not read into a value; take the file (@InputPath, or an artifact parameter), or write this pipeline for KFP v1 only: @Pipeline(formats = Format.ARGO)"),
  KFP2_RETRY_POLICY("NotInKfp2",
      "retries(%d, \"%s\"): KFP 2 retries a task that failed and has no retry policies; write retries(%d), or write this pipeline for KFP v1 only: @Pipeline(formats = Format.ARGO)"),
  KFP2_PIPELINE_SETTING("NotInKfp2",
      "@Pipeline(%s = ...) has no KFP 2 equivalent; %s, or write this pipeline for KFP v1 only: @Pipeline(formats = Format.ARGO)"),
  KFP2_COMPONENT("NotInKfp2",
      "component '%s' cannot run on KFP 2: %s; write this pipeline for KFP v1 only: @Pipeline(formats = Format.ARGO)"),
  KFP2_VOLUME_OUTPUT("NotInKfp2",
      "output '%s' of volume '%s' has no KFP 2 equivalent: KFP 2's createpvc gives the claim's name alone; pass on the size the volume was given (a constant or pipeline parameter), or write this pipeline for KFP v1 only: @Pipeline(formats = Format.ARGO)"),
  KFP2_NOT_WRITTEN("NotInKfp2", "%s"),
  KFP2_DEFAULT_NOT_FINITE("NotInKfp2",
      "@Default(\"%s\") of '%s' is no number KFP 2 can hold: its files keep numbers as JSON, which has no nan or infinity; write a finite number, or %s"),
  ARGO_COLLECTED("NotInArgo",
      "Dsl.collect(...) collects a loop's outputs, which only KFP 2 can: KFP v1's Argo workflow has no form for it; write this pipeline for KFP 2 only: @Pipeline(formats = Format.KFP2)"),
  ARGO_ARTIFACT_LOOP("NotInArgo",
      "Dsl.forEach loops over the artifacts of '%s' collected from '%s' (KFP 2's dsl.ParallelFor over a list of artifacts), which only KFP 2 can: KFP v1's Argo workflow loops over values only; write this pipeline for KFP 2 only: @Pipeline(formats = Format.KFP2)"),
  ARGO_ONE_OF("NotInArgo",
      "Dsl.oneOf(...) gives the output of whichever branch ran (KFP 2's dsl.OneOf), which only KFP 2 can: KFP v1's Argo workflow has no form for it; write this pipeline for KFP 2 only: @Pipeline(formats = Format.KFP2)"),
  ARGO_RUN_VALUE("NotInArgo",
      "%s is a value KFP 2's backend gives a task, which KFP v1's Argo workflow has no variable for; write this pipeline for KFP 2 only: @Pipeline(formats = Format.KFP2)"),
  ARGO_PIPELINE_INFO("NotInArgo",
      "@Pipeline(%s) is KFP 2's (%s): KFP v1's Argo workflow has no place for it; write this pipeline for KFP 2 only: @Pipeline(formats = Format.KFP2)"),
  ARGO_WORKSPACE("NotInArgo",
      "a workspace (@Pipeline(workspaceSize)) is KFP 2's: KFP v1's Argo workflow has none; write this pipeline for KFP 2 only: @Pipeline(formats = Format.KFP2)"),
  WORKSPACE_NOT_SET("MissingWorkspace",
      "'%s' names the run's workspace (Dsl.WORKSPACE_PATH), which this pipeline does not have: add @Pipeline(workspaceSize = \"10Gi\") (a pipeline other pipelines call too: kfp4j writes it as a pipeline of its own as well, which needs it)"),
  IMPORTER_WORKSPACE_NOT_SET("MissingWorkspace",
      "importer '%s' downloads to the run's workspace (downloadToWorkspace(true)), which this pipeline does not have: add @Pipeline(workspaceSize = \"10Gi\") (a pipeline other pipelines call too: kfp4j writes it as a pipeline of its own as well, which needs it)"),
  CALLED_WORKSPACE_NOT_SET("MissingWorkspace",
      "pipeline '%s' uses the run's workspace: %s; a called pipeline uses its caller's workspace, as KFP's, and this pipeline has none: add @Pipeline(workspaceSize = \"10Gi\") here"),
  ARGO_EXECUTOR_INPUT("NotInArgo",
      "component '%s' runs KFP 2's executor protocol ({{$}}), which KFP v1 (Argo) does not speak; write this pipeline for KFP 2 only: @Pipeline(formats = Format.KFP2)"),
  ARGO_ARTIFACT_URI("NotInArgo",
      "component '%s' uses the URI of %s ({{$.%s.artifacts['%s'].uri}}), which only KFP 2 gives: KFP v1 (Argo) passes artifacts as files at paths; use its path ({%sPath: %s}), or write this pipeline for KFP 2 only: @Pipeline(formats = Format.KFP2)"),
  ARGO_ARTIFACT_METADATA("NotInArgo",
      "component '%s' uses the metadata of %s ({{$.%s.artifacts['%s'].metadata}}), which only KFP 2 gives: KFP v1 (Argo) passes artifacts as files, without metadata; write this pipeline for KFP 2 only: @Pipeline(formats = Format.KFP2)"),
  ARGO_NOT_WRITTEN("NotInArgo", "%s"),
  ARGO_VOLUME_IN_LOOP("NotInArgo",
      "Dsl.volume in a loop: the Argo workflow names a claim after the run ('{{workflow.name}}-%s'), so each iteration would make the same claim; make the volume before the loop and mount it in the loop's tasks, or write this pipeline for KFP 2 only (which names each claim at random): @Pipeline(formats = Format.KFP2)"),
  ARGO_EXIT_PIPELINE("NotInArgo",
      "the exit task is pipeline '%s' (KFP 2's pipeline as exit task), which only KFP 2 can run: KFP v1's Argo workflow runs one template on exit; write this pipeline for KFP 2 only: @Pipeline(formats = Format.KFP2), or make the exit task a component's"),
  ARGO_OPTIONAL_PARAMETER("NotInArgo",
      "pipeline parameter '%s' may be left out (@Nullable, no @Default), which KFP v1 cannot express: Argo needs a value for each workflow parameter; give it a @Default, or write this pipeline for KFP 2 only: @Pipeline(formats = Format.KFP2)"),
  ARGO_IGNORE_UPSTREAM_FAILURE("NotInArgo",
      "ignoreUpstreamFailure() runs the task when a task it waits for failed (KFP 2's ignore_upstream_failure()), which KFP v1's Argo workflow cannot say of one task: Argo runs a task after a failed one only with continueOn on the failed task, for every task after it; write this pipeline for KFP 2 only: @Pipeline(formats = Format.KFP2)"),
  ARGO_CACHE_KEY("NotInArgo",
      "cacheKey(...) gives the task a cache key of its own (KFP 2's set_caching_options(cache_key=...)), which KFP v1's cache does not take; write this pipeline for KFP 2 only: @Pipeline(formats = Format.KFP2)"),
  ARGO_TASK_CONFIG("NotInArgo",
      "component '%s' %s (KFP 2's dsl.TaskConfig and task_config_passthroughs), which only KFP 2's driver gives: KFP v1 (Argo) has no task configuration; write this pipeline for KFP 2 only: @Pipeline(formats = Format.KFP2)"),
  ARGO_IMPORTER("NotInArgo",
      "Dsl.importer(...) imports an artifact, which only KFP 2 can: KFP v1's Argo workflow has no importer; write this pipeline for KFP 2 only: @Pipeline(formats = Format.KFP2)"),
  // Importers
  IMPORTER_TYPE("ImporterType",
      "Dsl.importer(uri, type): the type must be a class literal of one of kfp4j's artifact types, %s, not '%s'; KFP imports an artifact of a schema title it knows (system.Dataset, ...)"),
  IMPORTER_URI("UnsupportedArgument", "Dsl.importer(uri, type): the URI is empty; give the artifact's URI, such as \"gs://bucket/data.csv\", or a pipeline parameter"),
  IMPORTER_METADATA("BadSetting",
      "metadata(...) of Dsl.importer takes Map.of(...) whose keys and values are constants, pipeline parameters, value outputs of tasks such as t.output(), loop items, texts joined from these with +, or List.of/Map.of of these, as KFP's importer(metadata={...}); '%s' is none of them: write metadata(Map.of(\"key\", value))"),
  IMPORTER_SETTING("BadSetting",
      "%s(...) does not apply to an importer, which runs no container of its own; it takes after, displayName, caching, retries, retryBackoff, reimport, downloadToWorkspace and metadata"),
  // Partial compilation
  STALE_PIPELINE(
      "component '%s' changed, but pipeline '%s' in %s embeds its earlier spec and is not compiled now; compile %s together with this file (an IDE's rebuild, or mvn clean compile)"),
  STALE_CALLER("StalePipeline",
      "pipeline '%s' changed, but pipeline '%s' in %s calls it, holds its earlier tasks and is not compiled now; compile %s together with this file (an IDE's rebuild, or mvn clean compile)");

  private final String tag;

  private final String format;

  /** A message whose tag is its name in camel case: {@code NOT_STATIC} is {@code kfp4j:NotStatic}. */
  Message(String format) {
    this.tag = null;
    this.format = format;
  }

  /** One of several messages sharing a tag ({@code "UnsupportedStatement"}): one tag per kind of mistake. */
  Message(String tag, String format) {
    this.tag = "kfp4j:" + tag;
    this.format = format;
  }

  /** The tag printed in brackets, e.g. {@code kfp4j:NotStatic}. */
  public String tag() {
    if (tag != null) {
      return tag;
    }
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
