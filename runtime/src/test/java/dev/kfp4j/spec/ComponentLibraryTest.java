package dev.kfp4j.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.testing.Shared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The KFP component library (../shared/testdata/kfp-components) through the spec model. */
class ComponentLibraryTest {
  static List<Path> library() throws IOException {
    Path root = Shared.testdata("kfp-components");
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.getFileName().toString().equals("component.yaml")).sorted().toList();
    }
  }

  @Test
  void everyLibraryComponentLoadsAndRoundTripsToAnEqualSpec() throws IOException {
    List<Path> files = library();
    assertEquals(279, files.size(), "the library has 279 component.yaml files");
    List<String> failures = new ArrayList<>();
    for (Path f : files) {
      try {
        ComponentSpec spec = ComponentYaml.read(f);
        ComponentSpec back = ComponentYaml.parse(ComponentYaml.write(spec, null), f + " (written back)");
        if (!spec.equals(back)) {
          failures.add(f + ": differs after load -> write -> load");
        }
      } catch (RuntimeException e) {
        failures.add(f + ": " + e.getMessage());
      }
    }
    assertEquals(List.of(), failures);
  }

  /** The timeout guards against a hang or blow-up; it is not a speed target. */
  @Test
  @org.junit.jupiter.api.Timeout(30)
  void hostileYamlIsRefusedWithBoundedWork() {
    StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
    for (int i = 0; i < 60; i++) {
      bomb.append("a").append(i).append(": &a").append(i).append(" [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n");
      bomb.replace(bomb.indexOf("*a,"), bomb.indexOf("*a,") + 3, "*a,");
    }
    // Aliases are not expanded (Jackson's YAML reader keeps them as references), so the bomb stays
    // small and is refused as what it is: not a component spec.
    SpecException aliases = assertThrows(SpecException.class, () -> ComponentYaml.parse(bomb.toString(), "bomb.yaml"));
    assertTrue(aliases.getMessage().startsWith("bomb.yaml:"), aliases.getMessage());

    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    SpecException nesting = assertThrows(SpecException.class, () -> ComponentYaml.parse(deep, "deep.yaml"));
    assertTrue(nesting.getMessage().startsWith("deep.yaml: not valid YAML"), nesting.getMessage());

    String huge = "name: " + "x".repeat(9 * 1024 * 1024) + "\n";
    SpecException size = assertThrows(SpecException.class, () -> ComponentYaml.parse(huge, "huge.yaml"));
    assertTrue(size.getMessage().startsWith("huge.yaml: not valid YAML"), size.getMessage());
  }
}
