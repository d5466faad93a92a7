package dev.kfp4j.testing;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import dev.kfp4j.yaml.Yaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Parses KFP 2 files as KFP does, strictly: as the protobuf messages of the {@code .proto} files in
 * {@code ../shared/schemas/kfp-ir/} ({@code pipeline_spec.proto}, {@code
 * kubernetes_executor_config.proto}), compiled at test time with protoc from Maven Central, read
 * through protobuf-java's JSON parser without {@code ignoringUnknownFields}. The parts KFP types
 * as {@code Struct} but reads as messages are parsed as those messages too: {@code deploymentSpec}
 * as {@code PipelineDeploymentConfig}, each Kubernetes executor config as {@code
 * KubernetesExecutorConfig}. {@link Kfp2References} then checks what the messages cannot.
 */
public final class Kfp2Schemas {
  public static final String PIPELINE_SPEC = "ml_pipelines.PipelineSpec";
  public static final String DEPLOYMENT = "ml_pipelines.PipelineDeploymentConfig";
  public static final String PLATFORM_SPEC = "ml_pipelines.PlatformSpec";
  public static final String KUBERNETES = "kfp_kubernetes.KubernetesExecutorConfig";
  public static final String EXECUTOR_INPUT = "ml_pipelines.ExecutorInput";
  public static final String EXECUTOR_OUTPUT = "ml_pipelines.ExecutorOutput";

  private static Map<String, Descriptor> messages;

  private Kfp2Schemas() {}

  /** Problems with a KFP 2 pipeline or component file (YAML, one or two documents); empty when it is valid. */
  public static List<String> errors(String yaml) {
    List<String> errors = new ArrayList<>();
    List<JsonNode> documents = Yaml.readAll(yaml);
    if (documents.isEmpty() || documents.size() > 2) {
      errors.add("expected a PipelineSpec document and at most one platforms document, found " + documents.size() + " documents");
      return errors;
    }
    JsonNode spec = documents.get(0);
    parse(PIPELINE_SPEC, spec, "PipelineSpec", errors);
    if (spec.has("deploymentSpec")) {
      parse(DEPLOYMENT, spec.get("deploymentSpec"), "deploymentSpec", errors);
    }
    if (documents.size() == 2) {
      JsonNode platform = documents.get(1);
      parse(PLATFORM_SPEC, platform, "PlatformSpec", errors);
      platform.path("platforms").path("kubernetes").path("deploymentSpec").path("executors").properties()
          .forEach(e -> parse(KUBERNETES, e.getValue(), "platforms.kubernetes executor " + e.getKey(), errors));
    }
    if (errors.isEmpty()) {
      errors.addAll(Kfp2References.errors(spec, documents.size() == 2 ? documents.get(1) : null));
    }
    return errors;
  }

  /** Fails with every problem of {@code yaml}, named {@code name}. */
  public static void assertValid(String yaml, String name) {
    List<String> errors = errors(yaml);
    if (!errors.isEmpty()) {
      throw new AssertionError(name + " is not a valid KFP 2 file:\n  " + String.join("\n  ", errors));
    }
  }

  /** Parses {@code json} strictly as the message {@code type} (such as {@link #EXECUTOR_INPUT}). */
  public static Message parse(String type, String json) {
    DynamicMessage.Builder builder = DynamicMessage.newBuilder(message(type));
    try {
      JsonFormat.parser().merge(json, builder);
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError("not a valid " + type + ": " + e.getMessage(), e);
    }
    return builder.build();
  }

  private static void parse(String type, JsonNode node, String where, List<String> errors) {
    DynamicMessage.Builder builder = DynamicMessage.newBuilder(message(type));
    try {
      JsonFormat.parser().merge(Yaml.json().writeValueAsString(node), builder);
    } catch (InvalidProtocolBufferException e) {
      errors.add(where + ": " + e.getMessage());
    }
  }

  /** The message type {@code name}, such as {@code ml_pipelines.PipelineSpec}. */
  public static synchronized Descriptor message(String name) {
    if (messages == null) {
      messages = compile();
    }
    Descriptor d = messages.get(name);
    if (d == null) {
      throw new IllegalArgumentException("no message " + name + " in KFP's .proto files");
    }
    return d;
  }

  private static Map<String, Descriptor> compile() {
    Path protos = Shared.root(Shared.KFP_PROTOS).resolve("schemas/kfp-ir");
    Path work = null;
    try {
      work = Files.createTempDirectory("kfp4j-protoc");
      return index(FileDescriptorSet.parseFrom(descriptors(protos, work)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (DescriptorValidationException e) {
      throw new IllegalStateException(e);
    } finally {
      if (work != null) {
        deleteTree(work);
      }
    }
  }

  /** The descriptor set of KFP's {@code .proto} files in {@code protos}, compiled by protoc in {@code work}. */
  private static byte[] descriptors(Path protos, Path work) throws IOException, InterruptedException {
    Path protoc = work.resolve("protoc");
    try (InputStream in = Kfp2Schemas.class.getResourceAsStream("protoc.exe")) {
      if (in == null) {
        throw new IllegalStateException("protoc is not on the classpath next to " + Kfp2Schemas.class.getName()
            + "; the kfp4j-testing build copies it from Maven Central");
      }
      Files.copy(in, protoc, StandardCopyOption.REPLACE_EXISTING);
    }
    protoc.toFile().setExecutable(true);
    // the well-known types (struct.proto, duration.proto) come with protobuf-java
    Path include = work.resolve("include");
    for (String wkt : List.of("struct", "duration", "any", "descriptor")) {
      Path target = include.resolve("google/protobuf/" + wkt + ".proto");
      Files.createDirectories(target.getParent());
      try (InputStream in = Message.class.getResourceAsStream("/google/protobuf/" + wkt + ".proto")) {
        Files.copy(in, target);
      }
    }
    Path set = work.resolve("kfp.desc");
    Process p = new ProcessBuilder(protoc.toString(), "--include_imports", "--descriptor_set_out=" + set,
        "-I" + protos, "-I" + include, "pipeline_spec.proto", "kubernetes_executor_config.proto")
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("protoc failed on " + protos + ":\n" + output);
    }
    return Files.readAllBytes(set);
  }

  /** Every message type of {@code descriptors}, nested ones too, by full name. */
  private static Map<String, Descriptor> index(FileDescriptorSet descriptors) throws DescriptorValidationException {
    Map<String, FileDescriptor> files = new HashMap<>();
    Map<String, Descriptor> out = new HashMap<>();
    for (FileDescriptorProto f : descriptors.getFileList()) {
      List<FileDescriptor> deps = new ArrayList<>();
      for (String d : f.getDependencyList()) {
        deps.add(files.get(d));
      }
      FileDescriptor fd = FileDescriptor.buildFrom(f, deps.toArray(FileDescriptor[]::new));
      files.put(f.getName(), fd);
      for (Descriptor m : fd.getMessageTypes()) {
        index(m, out);
      }
    }
    return out;
  }

  /** Deletes {@code dir}, made here with only files and folders in it; what cannot be deleted is left. */
  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a scratch folder under the temporary folder: what is left there does no harm
    }
  }

  private static void index(Descriptor m, Map<String, Descriptor> out) {
    out.put(m.getFullName(), m);
    m.getNestedTypes().forEach(n -> index(n, out));
  }
}
