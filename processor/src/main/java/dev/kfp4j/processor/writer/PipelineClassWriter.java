package dev.kfp4j.processor.writer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.kfp4j.processor.base.Format;
import dev.kfp4j.processor.model.PipelineModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * Writes {@code FooPipeline}: a pipeline's name, parameters and compiled files for Java code: the
 * Argo Workflow ({@code RESOURCE}, {@code yaml()}, {@code runLocally}) and KFP 2's pipeline spec
 * ({@code KFP2_RESOURCE}, {@code kfp2Yaml()}), each when the pipeline is written in that format.
 */
public final class PipelineClassWriter {
  private static final ClassName KFP_VALUES = ClassName.get("dev.kfp4j.entrypoint", "KfpValues");
  private static final ClassName YAML = ClassName.get("dev.kfp4j.yaml", "Yaml");
  private static final ClassName OPS = ClassName.get("dev.kfp4j.dsl", "Ops");
  private static final ClassName RUNNER = ClassName.get("dev.kfp4j.local", "LocalRunner");
  private static final ClassName WORKFLOW = ClassName.get("dev.kfp4j.local", "Workflow");
  private static final ClassName RUN_RESULT = ClassName.get("dev.kfp4j.local", "RunResult");
  private static final ClassName STRING = ClassName.get(String.class);
  private static final ClassName LIST = ClassName.get(List.class);
  private static final ClassName MAP = ClassName.get(Map.class);
  private static final ClassName LINKED_HASH_MAP = ClassName.get(LinkedHashMap.class);
  private static final TypeName STRINGS = ParameterizedTypeName.get(LIST, STRING);
  private static final TypeName STRING_MAP = ParameterizedTypeName.get(MAP, STRING, STRING);

  private PipelineClassWriter() {}

  public static JavaSource write(PipelineModel p) {
    ClassName cls = p.pipelineClass();
    JavaWriter w = new JavaWriter(cls, Set.of()).origin(p.element());
    Generated.begin(w, cls, "The compiled pipeline {@code " + p.name() + "} of {@link ", p.owner(), "#" + p.methodName() + "}.\n");
    constant(w, "The pipeline name.\n", "NAME", p.name(), true);
    // a pipeline taking the final status runs only as another's exit task: no file of its own
    boolean argo = p.writes(Format.ARGO) && !p.takesStatus();
    boolean kfp2 = p.writes(Format.KFP2) && !p.takesStatus();
    if (argo) {
      constant(w, "The classpath resource holding the workflow YAML (Argo, for KFP v1).\n", "RESOURCE", p.resourcePath(), false);
    }
    if (kfp2) {
      constant(w, "The classpath resource holding KFP 2's pipeline spec (with its Kubernetes platform document, if any).\n",
          "KFP2_RESOURCE", p.kfp2ResourcePath(), false);
    }
    w.emit("\n").javadoc("The pipeline's parameter names, in order: the values a run gives (not the artifacts it takes).\n");
    w.emit("public static final ").type(STRINGS).emit(" PARAMETERS = ").type(LIST).emit(".of(");
    List<TypeName> types = new ArrayList<>();
    List<String> names = new ArrayList<>();
    StringBuilder params = new StringBuilder(); // the @param tags of arguments(...) and runLocally(...)
    for (PipelineModel.Parameter param : p.parameters()) {
      if (param.kind() == dev.kfp4j.processor.model.ValueKind.FINAL_STATUS || param.isArtifact()) {
        // given Dsl.runStatus() by the pipeline it is the exit task of; an artifact (@InputPath Path), by a pipeline
        // calling it: never a run's argument
        continue;
      }
      w.emit(names.isEmpty() ? "" : ", ").literal(param.name());
      types.add(param.defaultText() != null ? param.javaType().box() : param.javaType());
      names.add(param.name());
      params.append("@param ").append(param.name()).append(' ')
          .append(param.description() == null ? "parameter {@code " + param.name() + "}" : Generated.text(param.description()))
          .append('\n');
    }
    w.emit(");\n");
    w.emit("\n").beginMethod("private ", null, cls.simpleName(), List.of(), List.of()).endBlock();
    if (argo) {
      yaml(w, cls, "The compiled Argo Workflow, as written by the processor.\n\n@return the workflow's YAML text\n", "yaml", "RESOURCE");
    }
    if (kfp2) {
      yaml(w, cls, "The compiled KFP 2 pipeline spec, as written by the processor.\n\n@return the pipeline spec's YAML text\n",
          "kfp2Yaml", "KFP2_RESOURCE");
    }
    Set<String> parameterNames = new HashSet<>(names);
    arguments(w, names, types, parameterNames, params.toString());
    if (argo) {
      runLocally(w, cls, names, types, parameterNames, params.toString());
    }
    return w.endBlock().source();
  }

  /** {@code public static final String NAME = "...";}, after a blank line unless it is the first member. */
  private static void constant(JavaWriter w, String doc, String name, String value, boolean first) {
    w.emit(first ? "" : "\n").javadoc(doc);
    w.emit("public static final ").type(STRING).emit(" ").emit(name).emit(" = ").literal(value).emit(";\n");
  }

  /** {@code yaml()}: a compiled file read from the classpath. */
  private static void yaml(JavaWriter w, ClassName cls, String doc, String method, String resource) {
    w.emit("\n").javadoc(doc);
    w.beginMethod("public static ", STRING, method, List.of(), List.of());
    w.beginStatement().emit("return ").type(YAML).emit(".resource(").type(cls).emit(".class, ").emit(resource).emit(")").endStatement();
    w.endBlock();
  }

  /** {@code arguments(...)}: run arguments in KFP's text form. */
  private static void arguments(JavaWriter w, List<String> names, List<TypeName> types, Set<String> parameterNames,
      String params) {
    w.emit("\n").javadoc("Run arguments in KFP's text form, by parameter name; a null leaves a parameter to its default.\n\n"
        + params + "@return each parameter given, by name, its value in KFP's text form\n");
    w.beginMethod("public static ", STRING_MAP, "arguments", types, names);
    // Locals and lambda parameters named so that no pipeline parameter (k, v, out, ...) clashes with them.
    Set<String> locals = new HashSet<>(names);
    String out = local("out", locals);
    String k = local("k", locals);
    String v = local("v", locals);
    w.beginStatement().type(MAP).emit("<String, String> ").emit(out).emit(" = new ").type(LINKED_HASH_MAP).emit("<>()").endStatement();
    w.beginStatement();
    qualifier(w, OPS, parameterNames).emit(".args(");
    for (int i = 0; i < names.size(); i++) {
      w.emit(i == 0 ? "" : ", ").literal(names.get(i)).emit(", ").emit(names.get(i));
    }
    w.emit(").forEach((").emit(k).emit(", ").emit(v).emit(") -> ").emit(out).emit(".put(").emit(k).emit(", ");
    qualifier(w, KFP_VALUES, parameterNames).emit(".format(").emit(v).emit(")))").endStatement();
    w.beginStatement().emit("return ").emit(out).endStatement();
    w.endBlock();
  }

  /** {@code name}, or with {@code _} appended until it is neither a keyword nor taken (as JavaPoet's NameAllocator). */
  private static String local(String name, Set<String> taken) {
    String candidate = name;
    while (SourceVersion.isKeyword(candidate) || !taken.add(candidate)) {
      candidate += "_";
    }
    return candidate;
  }

  /** {@code runLocally(...)}: the workflow run by the local runner. */
  private static void runLocally(JavaWriter w, ClassName cls, List<String> names, List<TypeName> types, Set<String> parameterNames,
      String params) {
    w.emit("\n").beginJavadoc().emit("Runs the pipeline on this machine with the default {@link ").type(RUNNER)
        .emit("}; a null leaves a parameter to its default.\n\n").emit(params).emit("@return the finished run\n").endJavadoc();
    w.beginMethod("public static ", RUN_RESULT, "runLocally", types, names);
    w.beginStatement().emit("return ");
    qualifier(w, RUNNER, parameterNames).emit(".builder().build().run(");
    qualifier(w, WORKFLOW, parameterNames).emit(".resource(").type(cls).emit(".class.getClassLoader(), ");
    if (parameterNames.contains("RESOURCE")) {
      w.type(cls).emit(".");
    }
    w.emit("RESOURCE), arguments(").emit(String.join(", ", names)).emit("))").endStatement();
    w.endBlock();
  }

  /**
   * {@code type} as the qualifier of a static call: its simple name (imported), or its canonical
   * name where a parameter of the same name would obscure the type (JLS 6.4.2).
   */
  private static JavaWriter qualifier(JavaWriter w, ClassName type, Set<String> parameterNames) {
    return parameterNames.contains(type.simpleName()) ? w.emit(type.canonicalName()) : w.type(type);
  }
}
