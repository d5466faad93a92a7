package dev.kfp4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.kfp4j.testing.ArgoSchemas;
import dev.kfp4j.yaml.Yaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OverlayTest {
  static final Path ADD = Path.of("../examples/target/classes/META-INF/kfp4j/pipelines/add-example.yaml");

  @Test
  void runSettingsLandOnTheJavaStepsAndTheWorkflowStaysValid() throws Exception {
    String compiled = Files.readString(ADD);
    Config.RunConfig run = new Config.RunConfig("registry.example.com/calc:1.2", "Always", null, null, null, false, 0, 3600,
        new Config.Volume(null, "1Gi", List.of("ReadWriteOnce"), "/data"),
        Map.of("__default__", Map.of("cpu", "200m", "memory", "64Mi"), "multiply", Map.of("memory", "1Gi", "nvidia.com/gpu", "1")));
    String yaml = Overlay.apply(compiled, run);
    ArgoSchemas.assertValid(yaml, "the workflow with the config applied");
    JsonNode spec = Yaml.read(yaml).path("spec");
    assertEquals(3600, spec.at("/ttlStrategy/secondsAfterCompletion").asInt());
    assertEquals("1Gi", spec.at("/volumeClaimTemplates/0/spec/resources/requests/storage").asString());
    assertEquals("OnWorkflowCompletion", spec.at("/volumeClaimGC/strategy").asString());
    for (JsonNode t : spec.path("templates")) {
      if (!t.has("container")) {
        continue;
      }
      JsonNode c = t.get("container");
      assertEquals("registry.example.com/calc:1.2", c.path("image").asString());
      assertEquals("Always", c.path("imagePullPolicy").asString());
      assertEquals("/data", c.at("/volumeMounts/0/mountPath").asString());
      if (t.path("name").asString().equals("multiply")) {
        assertEquals("1Gi", c.at("/resources/limits/memory").asString());
        assertEquals("1", c.at("/resources/limits/nvidia.com~1gpu").asString());
        assertFalse(c.at("/resources/requests").has("cpu"), "a task's own entry replaces the default");
      } else {
        assertEquals("200m", c.at("/resources/requests/cpu").asString());
        assertFalse(c.at("/resources/limits").has("cpu"), "cpu is a request only");
      }
    }
  }

  @Test
  void anEmptyRunConfigChangesNothingButTheHeader() throws Exception {
    String compiled = Files.readString(ADD);
    assertEquals(Yaml.read(compiled), Yaml.read(Overlay.apply(compiled, Config.empty().run())));
  }
}
