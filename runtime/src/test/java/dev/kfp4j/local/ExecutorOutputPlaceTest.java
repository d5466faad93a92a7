package dev.kfp4j.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where on this machine the local runner looks for an artifact that a KFP 2 executor output gives another URI: a path or a
 * {@code file:} URI, read as the entrypoint reads it; never the mount a cluster's launcher gives a bucket's URI.
 */
class ExecutorOutputPlaceTest {
  @ParameterizedTest
  @CsvSource({
      "/tmp/moved/model.bin, /tmp/moved/model.bin",
      "/tmp/a b/c, /tmp/a b/c",
      "file:///tmp/a%20b/c%231, /tmp/a b/c#1",
      "file:/tmp/moved, /tmp/moved"})
  void aPathOrAFileUriIsAPlaceHere(String uri, String path) {
    assertEquals(path, ExecutorOutput.placeHere(uri));
  }

  @ParameterizedTest
  @ValueSource(strings = {"gs://bucket/k", "s3://bucket/k", "minio://mlpipeline/k", "oci://registry.io/m", "https://h/k",
      "relative/k", "file://host/tmp/k", "file:relative/k", ""})
  void anyOtherUriIsNoPlaceHere(String uri) {
    assertNull(ExecutorOutput.placeHere(uri), "the entrypoint maps gs://, s3://, minio:// to a launcher's mount, not here");
  }
}
