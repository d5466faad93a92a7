package dev.kfp4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.format.kfp2.Kfp2Reader;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.yaml.Yaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.JsonNode;

/**
 * Every pipeline spec KFP's SDK compiled for KFP's own tests ({@code test_data/sdk_compiled_pipelines/valid} of
 * a checkout of {@code kubeflow/pipelines}), read and written back by kfp4j. Run by hand, with the folder named:
 * {@code ./mvnw -o -pl testing -am test -Dtest=KfpCompiledSpecsTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dkfp4j.kfpSpecs=.../test_data/sdk_compiled_pipelines/valid}; skipped without it (the specs are not in {@code
 * ../shared}). Each spec must pass the checks the tests make of kfp4j's files ({@link Kfp2Schemas#errors}), be
 * read, and written back (but those kfp4j refuses on purpose, below), valid against KFP's {@code .proto} files
 * and the same when written a second time. The test prints which specs come back as
 * KFP wrote them, each part ({@code components}, {@code root}, {@code deploymentSpec}, {@code pipelineInfo}, {@code
 * defaultPipelineRoot}, the platform spec) the same as protobuf reads it, and which differ, where.
 */
@EnabledIfSystemProperty(named = "kfp4j.kfpSpecs", matches = ".+")
class KfpCompiledSpecsTest {
  /** The specs kfp4j reads but will not write, each with what its message says. */
  private static final Map<String, String> REFUSED = Map.of(
      "conditional_producer_and_consumers.yaml", "output 'Output' is the outputs of task 'add' (output 'Output') collected (KFP's "
          + "dsl.Collected) from condition 'condition-4', in no loop");

  private static final List<String> PARTS = List.of("components", "root", "deploymentSpec", "pipelineInfo", "defaultPipelineRoot");

  @Test
  void everySpecIsReadAndWrittenBack() throws IOException {
    Path folder = Path.of(System.getProperty("kfp4j.kfpSpecs"));
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
    List<String> failures = new ArrayList<>();
    List<String> same = new ArrayList<>();
    Map<String, List<String>> differ = new TreeMap<>();
    for (Path f : files) {
      String name = folder.relativize(f).toString();
      String yaml = Files.readString(f);
      List<JsonNode> kfp = Yaml.readAll(yaml);
      if (!Kfp2Reader.isPipelineSpec(kfp)) {
        continue;
      }
      if (Shared.present()) { // kfp4j's checks of a spec take KFP's own
        Kfp2Schemas.errors(yaml).forEach(e -> failures.add(name + " as KFP wrote it: " + e));
      }
      String written;
      try {
        written = Kfp2Writer.write(Kfp2Reader.readNested(yaml, name));
      } catch (RuntimeException e) {
        String refused = REFUSED.get(f.getFileName().toString());
        if (refused == null || !String.valueOf(e.getMessage()).contains(refused)) {
          failures.add(name + ": " + e.getMessage());
        }
        continue;
      }
      if (!written.equals(Kfp2Writer.write(Kfp2Reader.readNested(written, name)))) {
        failures.add(name + ": written otherwise a second time");
      }
      if (Shared.present()) {
        Kfp2Schemas.errors(written).forEach(e -> failures.add(name + ": " + e));
      }
      List<String> parts = differingParts(kfp, Yaml.readAll(written));
      if (parts.isEmpty()) {
        same.add(name);
      } else {
        differ.put(name, parts);
      }
    }
    System.out.println("KFP's compiled specs in " + folder + ": " + (same.size() + differ.size()) + " written back, " + (Shared.present()
        ? same.size() + " as KFP wrote them; differing:" : "not compared with KFP's (../shared, with KFP's .proto files, is missing)"));
    differ.forEach((name, parts) -> System.out.println("  " + name + " " + parts));
    assertTrue(same.size() + differ.size() > 0, "no KFP pipeline spec in " + folder);
    assertEquals(List.of(), failures);
  }

  /** The parts of {@code ours} that protobuf does not read as {@code kfp}'s. */
  private static List<String> differingParts(List<JsonNode> kfp, List<JsonNode> ours) {
    List<String> out = new ArrayList<>();
    if (!Shared.present()) {
      return out;
    }
    for (String part : PARTS) {
      if (!Kfp2Schemas.parse(Kfp2Schemas.PIPELINE_SPEC, Yaml.object().set(part, kfp.get(0).get(part)).toString())
          .equals(Kfp2Schemas.parse(Kfp2Schemas.PIPELINE_SPEC, Yaml.object().set(part, ours.get(0).get(part)).toString()))) {
        out.add(part);
      }
    }
    String kfpPlatform = kfp.size() > 1 ? kfp.get(1).toString() : "{}";
    String ourPlatform = ours.size() > 1 ? ours.get(1).toString() : "{}";
    if (!Kfp2Schemas.parse(Kfp2Schemas.PLATFORM_SPEC, kfpPlatform).equals(Kfp2Schemas.parse(Kfp2Schemas.PLATFORM_SPEC, ourPlatform))) {
      out.add("platform");
    }
    return out;
  }
}
