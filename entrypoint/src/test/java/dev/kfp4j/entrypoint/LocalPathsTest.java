package dev.kfp4j.entrypoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An artifact's local path, as KFP 2's launcher downloads it to and uploads it from. */
class LocalPathsTest {
  @ParameterizedTest
  @CsvSource({
      "gs://bucket/a/b, /gcs/bucket/a/b",
      "s3://bucket/a/b, /s3/bucket/a/b",
      "minio://mlpipeline/v2/artifacts/p/r/train/model, /minio/mlpipeline/v2/artifacts/p/r/train/model",
      "oci://registry.io/org/model:1, /oci/registry.io_org_model:1/models",
      "file:///tmp/a%20b/c, /tmp/a b/c",
      "/tmp/local/out, /tmp/local/out",
      "relative/out, relative/out"})
  void mountedSchemesAndLocalPaths(String uri, String path) {
    assertEquals(path, LocalPaths.of(uri, null, Map.of()));
  }

  @ParameterizedTest
  @CsvSource({"https://example.com/x", "http://h/x", "hdfs://n/x", "''"})
  void otherSchemesHaveNone(String uri) {
    assertNull(LocalPaths.of(uri, null, Map.of()));
  }

  @Test
  void aCustomPathWins() {
    assertEquals("/data/mine", LocalPaths.of("minio://b/k", "/data/mine", Map.of()));
  }

  @Test
  void anArtifactInTheWorkspaceIsUnderItsMount() {
    assertEquals("/kfp-workspace/.artifacts/minio/b/k", LocalPaths.of("minio://b/k", null, Map.of("_kfp_workspace", true)));
    assertEquals("/minio/b/k", LocalPaths.of("minio://b/k", null, Map.of("_kfp_workspace", "true")), "only the boolean true");
  }
}
