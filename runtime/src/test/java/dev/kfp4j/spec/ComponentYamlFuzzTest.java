package dev.kfp4j.spec;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the component reader: whatever the text, it gives a spec or a {@link SpecException},
 * never another exception, and a spec it gives writes back to an equal one. Under plain JUnit it
 * runs its seed corpus; with {@code JAZZER_FUZZ=1} it fuzzes for {@code maxDuration}.
 */
class ComponentYamlFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void readsOrRefusesWithASpecException(byte[] data) {
    String text = new String(data, java.nio.charset.StandardCharsets.UTF_8);
    ComponentSpec spec;
    try {
      spec = ComponentYaml.parse(text, "fuzz.yaml");
    } catch (SpecException expected) {
      return;
    }
    ComponentSpec back = ComponentYaml.parse(ComponentYaml.write(spec, null), "fuzz.yaml (written back)");
    if (!spec.equals(back)) {
      throw new AssertionError("differs after write and read: " + spec + " vs " + back);
    }
  }
}
