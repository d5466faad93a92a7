package dev.kfp4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigTest {
  @TempDir
  Path dir;

  private Config load(String yaml, Map<String, String> env) throws IOException {
    Path f = dir.resolve("kfp4j.yaml");
    Files.writeString(f, yaml);
    return Config.load(f, env::get);
  }

  private String error(String yaml) {
    return assertThrows(ConfigException.class, () -> load(yaml, Map.of())).getMessage();
  }

  @Test
  void readsEverySettingWithEnvironmentSubstituted() throws IOException {
    Config c = load("""
        host: ${HOST}
        namespace: ${NS:-team-a}
        api_version: v2beta1
        auth:
          token: ${TOKEN|none}
          headers: {kubeflow-userid: me@example.com}
        run_config:
          image: registry/app:${COMMIT_ID|dirty}
          image_pull_policy: Always
          experiment_name: Demo
          run_name: Demo run
          description: Very important
          wait_for_completion: True
          timeout: 600
          ttl: 604800
          volume: {size: 2Gi, access_modes: [ReadWriteMany], storageclass: fast}
          resources:
            __default__: {cpu: 200m, memory: 64Mi}
            train: {cpu: 8, nvidia.com/gpu: 1}
        """, Map.of("HOST", "https://kfp.example.com/pipeline", "TOKEN", "s3cret"));
    assertEquals("https://kfp.example.com/pipeline", c.host());
    assertEquals("team-a", c.namespace());
    assertEquals("v2beta1", c.apiVersion());
    assertEquals("s3cret", c.auth().token());
    assertEquals(Map.of("kubeflow-userid", "me@example.com"), c.auth().headers());
    assertEquals("registry/app:dirty", c.run().image(), "kedro's ${name|default}");
    assertEquals("Always", c.run().imagePullPolicy());
    assertEquals("Demo", c.run().experimentName());
    assertTrue(c.run().waitForCompletion());
    assertEquals(600, c.run().timeoutSeconds());
    assertEquals(604800, c.run().ttlSeconds());
    assertEquals(new Config.Volume("fast", "2Gi", List.of("ReadWriteMany"), "/data"), c.run().volume());
    assertEquals(Map.of("cpu", "8", "nvidia.com/gpu", "1"), c.run().resources().get("train"));
    assertEquals("200m", c.run().resources().get("__default__").get("cpu"));
  }

  @Test
  void anUnsetVariableWithoutDefaultNamesItsLine() {
    assertEquals(dir.resolve("kfp4j.yaml") + ":2: ${KFP_HOST} is not set; set it, or give a default: ${KFP_HOST:-default}",
        error("# where KFP is\nhost: ${KFP_HOST}\n"));
  }

  @Test
  void anEmptyDefaultAndAnEscapeAreKept() throws IOException {
    Config c = load("host: ${H:-}\nrun_config:\n  description: costs $${PRICE}\n", Map.of());
    assertNull(c.host());
    assertEquals("costs ${PRICE}", c.run().description());
  }

  @Test
  void mistakesNameTheSettingAndTheFix() {
    assertTrue(error("hots: x\n").contains("unknown setting 'hots'; the settings [api_version, argo_server, auth, host, namespace, run_config]"));
    assertTrue(error("run_config: {imgae: x}\n").contains("unknown setting 'run_config.imgae'"));
    assertTrue(error("run_config: {image_pull_policy: Sometimes}\n").contains("use one of [Always, IfNotPresent, Never]"));
    assertTrue(error("run_config: {ttl: a week}\n").contains("run_config.ttl is 'a week'; write a whole number of seconds"));
    assertTrue(error("run_config: {wait_for_completion: maybe}\n").contains("write true or false"));
    assertTrue(error("run_config: {volume: {storageclass: x}}\n").contains("run_config.volume.size is needed"));
    assertTrue(error("api_version: v1\n").contains("use v1beta1"));
    assertTrue(error("host: [a\n").contains("not valid YAML"));
    assertTrue(error("- a\n").contains("expected a mapping"));
  }
}
