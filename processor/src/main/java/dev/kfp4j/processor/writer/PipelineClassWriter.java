package dev.kfp4j.processor.writer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.kfp4j.processor.base.Format;
import dev.kfp4j.processor.model.PipelineModel;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

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

  private PipelineClassWriter() {}

  public static JavaFile write(PipelineModel p) {
    ClassName cls = p.pipelineClass();
    TypeSpec.Builder type =
        TypeSpec.classBuilder(cls)
            .addOriginatingElement(p.element())
            .addAnnotation(Generated.generated())
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addJavadoc("The compiled pipeline {@code $L} of {@link $T#$L}.\n", p.name(), p.owner(), p.methodName())
            .addField(
                FieldSpec.builder(String.class, "NAME", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("The pipeline name.\n")
                    .initializer("$S", p.name())
                    .build());
    if (p.writes(Format.ARGO)) {
      type.addField(
          FieldSpec.builder(String.class, "RESOURCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
              .addJavadoc("The classpath resource holding the workflow YAML (Argo, for KFP v1).\n")
              .initializer("$S", p.resourcePath())
              .build());
    }
    if (p.writes(Format.KFP2)) {
      type.addField(
          FieldSpec.builder(String.class, "KFP2_RESOURCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
              .addJavadoc("The classpath resource holding KFP 2's pipeline spec (with its Kubernetes platform document, if any).\n")
              .initializer("$S", p.kfp2ResourcePath())
              .build());
    }
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    CodeBlock.Builder names = CodeBlock.builder();
    for (PipelineModel.Parameter param : p.parameters()) {
      names.add(names.isEmpty() ? "$S" : ", $S", param.name());
    }
    type.addField(
        FieldSpec.builder(ParameterizedTypeName.get(List.class, String.class), "PARAMETERS", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The pipeline's parameter names, in order.\n")
            .initializer("$T.of($L)", List.class, names.build())
            .build());
    if (p.writes(Format.ARGO)) {
      type.addMethod(
          MethodSpec.methodBuilder("yaml")
              .addJavadoc("The compiled Argo Workflow, as written by the processor.\n")
              .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
              .returns(String.class)
              .addStatement("return $T.resource($T.class, RESOURCE)", YAML, cls)
              .build());
    }
    if (p.writes(Format.KFP2)) {
      type.addMethod(
          MethodSpec.methodBuilder("kfp2Yaml")
              .addJavadoc("The compiled KFP 2 pipeline spec, as written by the processor.\n")
              .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
              .returns(String.class)
              .addStatement("return $T.resource($T.class, KFP2_RESOURCE)", YAML, cls)
              .build());
    }
    MethodSpec.Builder arguments =
        MethodSpec.methodBuilder("arguments")
            .addJavadoc("Run arguments in KFP's text form, by parameter name; a null leaves a parameter to its default.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(ParameterizedTypeName.get(Map.class, String.class, String.class));
    CodeBlock.Builder args = CodeBlock.builder();
    // Locals and lambda parameters named so that no pipeline parameter (k, v, out, ...) clashes with them.
    NameAllocator locals = new NameAllocator();
    Set<String> parameterNames = new HashSet<>();
    for (PipelineModel.Parameter param : p.parameters()) {
      arguments.addParameter(param.defaultText() != null ? param.javaType().box() : param.javaType(), param.name());
      args.add(args.isEmpty() ? "" : ", ").add("$S, $L", param.name(), param.name());
      locals.newName(param.name(), param.name());
      parameterNames.add(param.name());
    }
    // tagged (no Java name holds '#'): an untagged name is tagged with a random UUID, whose SecureRandom costs a cold javac
    String out = locals.newName("out", "#out");
    String k = locals.newName("k", "#k");
    String v = locals.newName("v", "#v");
    arguments.addStatement("$T<String, String> $L = new $T<>()", Map.class, out, java.util.LinkedHashMap.class);
    arguments.addStatement("$L.args($L).forEach(($L, $L) -> $L.put($L, $L.format($L)))",
        qualifier(OPS, parameterNames), args.build(), k, v, out, k, qualifier(KFP_VALUES, parameterNames), v);
    arguments.addStatement("return $L", out);
    type.addMethod(arguments.build());
    if (p.writes(Format.ARGO)) {
      type.addMethod(runLocally(p, cls, parameterNames));
    }
    return Generated.file(cls, type.build());
  }

  /** {@code runLocally(...)}: the workflow run by the local runner. */
  private static MethodSpec runLocally(PipelineModel p, ClassName cls, Set<String> parameterNames) {
    MethodSpec.Builder run =
        MethodSpec.methodBuilder("runLocally")
            .addJavadoc("Runs the pipeline on this machine with the default {@link $T}; a null leaves a parameter to its default.\n", RUNNER)
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(RUN_RESULT);
    CodeBlock.Builder names2 = CodeBlock.builder();
    for (PipelineModel.Parameter param : p.parameters()) {
      run.addParameter(param.defaultText() != null ? param.javaType().box() : param.javaType(), param.name());
      names2.add(names2.isEmpty() ? "$L" : ", $L", param.name());
    }
    run.addStatement("return $L.builder().build().run($L.resource($T.class.getClassLoader(), $L), arguments($L))",
        qualifier(RUNNER, parameterNames), qualifier(WORKFLOW, parameterNames), cls,
        parameterNames.contains("RESOURCE") ? CodeBlock.of("$T.RESOURCE", cls) : CodeBlock.of("RESOURCE"), names2.build());
    return run.build();
  }

  /**
   * {@code type} as the qualifier of a static call: its simple name (imported), or its canonical
   * name where a parameter of the same name would obscure the type (JLS 6.4.2).
   */
  private static CodeBlock qualifier(ClassName type, Set<String> parameterNames) {
    return parameterNames.contains(type.simpleName()) ? CodeBlock.of("$L", type.canonicalName()) : CodeBlock.of("$T", type);
  }
}
