package ports;

import dev.kfp4j.annotations.Component;
import dev.kfp4j.annotations.Default;
import dev.kfp4j.annotations.Format;
import dev.kfp4j.annotations.Pipeline;
import dev.kfp4j.artifacts.Dataset;
import dev.kfp4j.dsl.Dsl;
import java.util.List;
import java.util.Map;

/** KFP's pipeline_with_dynamic_importer_metadata.py: importers whose metadata names a parameter and a task's output, in an f-string and as a key. */
public final class DynamicImporterMetadata {
  private DynamicImporterMetadata() {}

  static final String DEFAULT_ARTIFACT_URI = "gs://ml-pipeline-playground/shakespeare1.txt";
  static final String DEFAULT_IMAGE_URI = "us-docker.pkg.dev/vertex-ai/prediction/tf2-gpu.2-5:latest";

  @Component
  public static String makeName(String name) {
    return name;
  }

  @Pipeline(name = "pipeline-with-importer", formats = Format.KFP2)
  public static void dynamicImporterMetadata(@Default("default-name") String name, @Default("1") int int_input,
      @Default(DEFAULT_ARTIFACT_URI) String pipeline_input_artifact_uri, @Default(DEFAULT_IMAGE_URI) String pipeline_input_image_uri) {
    Dsl.importer(pipeline_input_artifact_uri, Dataset.class).reimport(false)
        .metadata(Map.of("name", List.of(name, "alias-name"), "containerSpec", Map.of("imageUri", pipeline_input_image_uri)));
    var makeNameOp = DynamicImporterMetadataOps.makeName("a-different-name");
    Dsl.importer(DEFAULT_ARTIFACT_URI, Dataset.class).reimport(false)
        .metadata(Map.of("name", "prefix-" + makeNameOp.output(),
            "list-of-data", List.of(makeNameOp.output(), name, int_input),
            makeNameOp.output(), makeNameOp.output(),
            name, DEFAULT_IMAGE_URI,
            "containerSpec", Map.of("imageUri", DEFAULT_IMAGE_URI)));
  }
}
