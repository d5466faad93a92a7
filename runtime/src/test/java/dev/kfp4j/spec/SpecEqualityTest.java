package dev.kfp4j.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The specs' equals and hashCode (written out, not the records' own) take every component. */
class SpecEqualityTest {
  private static InputSpec input(String name, String type, String description, String defaultValue, boolean optional,
      Map<String, Object> annotations) {
    return new InputSpec(name, TypeSpec.named(type), description, defaultValue, optional, annotations);
  }

  private static ContainerSpec container(String image, String command, String arg, String env, String file) {
    return new ContainerSpec(image, List.of(Placeholder.literal(command)), List.of(Placeholder.literal(arg)),
        Map.of("E", Placeholder.literal(env)), Map.of("o", file));
  }

  private static ComponentSpec component(String name, String description, String annotation, String label, String input,
      String output, String image) {
    return new ComponentSpec(name, description, Map.of("a", annotation), Map.of("l", label),
        List.of(input("x", input, null, null, false, null)), List.of(new OutputSpec(output, TypeSpec.named("String"), null)),
        container(image, "java", "-cp", "v", "/f"), null);
  }

  private static void assertEqualSpecs(Object a, Object b) {
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
  }

  @Test
  void equalWhenEveryComponentIsEqual() {
    assertEqualSpecs(TypeSpec.named("CSV"), TypeSpec.named("CSV"));
    assertEqualSpecs(new TypeSpec(Map.of("GCSPath", Map.of("data_type", "CSV"))), new TypeSpec(Map.of("GCSPath", Map.of("data_type", "CSV"))));
    assertEqualSpecs(input("a", "Integer", "d", "1", true, Map.of("k", 1)), input("a", "Integer", "d", "1", true, Map.of("k", 1)));
    assertEqualSpecs(new OutputSpec("o", null, "d", Map.of()), new OutputSpec("o", null, "d", Map.of()));
    assertEqualSpecs(container("i", "c", "a", "e", "f"), container("i", "c", "a", "e", "f"));
    assertEqualSpecs(component("n", "d", "a", "l", "Integer", "o", "i"), component("n", "d", "a", "l", "Integer", "o", "i"));
  }

  @Test
  void unequalWhenAnyComponentDiffers() {
    assertNotEquals(TypeSpec.named("CSV"), TypeSpec.named("TSV"));
    InputSpec in = input("a", "Integer", "d", "1", true, Map.of("k", 1));
    for (InputSpec other : List.of(input("b", "Integer", "d", "1", true, Map.of("k", 1)), input("a", "Float", "d", "1", true, Map.of("k", 1)),
        input("a", "Integer", "e", "1", true, Map.of("k", 1)), input("a", "Integer", "d", "2", true, Map.of("k", 1)),
        input("a", "Integer", "d", "1", false, Map.of("k", 1)), input("a", "Integer", "d", "1", true, Map.of("k", 2)))) {
      assertNotEquals(in, other);
    }
    OutputSpec out = new OutputSpec("o", TypeSpec.named("String"), "d", Map.of("k", 1));
    for (OutputSpec other : List.of(new OutputSpec("p", TypeSpec.named("String"), "d", Map.of("k", 1)),
        new OutputSpec("o", TypeSpec.named("Integer"), "d", Map.of("k", 1)), new OutputSpec("o", TypeSpec.named("String"), "e", Map.of("k", 1)),
        new OutputSpec("o", TypeSpec.named("String"), "d", Map.of("k", 2)))) {
      assertNotEquals(out, other);
    }
    ContainerSpec c = container("i", "c", "a", "e", "f");
    for (ContainerSpec other : List.of(container("j", "c", "a", "e", "f"), container("i", "d", "a", "e", "f"),
        container("i", "c", "b", "e", "f"), container("i", "c", "a", "f", "f"), container("i", "c", "a", "e", "g"))) {
      assertNotEquals(c, other);
    }
    ComponentSpec s = component("n", "d", "a", "l", "Integer", "o", "i");
    for (ComponentSpec other : List.of(component("m", "d", "a", "l", "Integer", "o", "i"), component("n", "e", "a", "l", "Integer", "o", "i"),
        component("n", "d", "b", "l", "Integer", "o", "i"), component("n", "d", "a", "m", "Integer", "o", "i"),
        component("n", "d", "a", "l", "Float", "o", "i"), component("n", "d", "a", "l", "Integer", "p", "i"),
        component("n", "d", "a", "l", "Integer", "o", "j"), new ComponentSpec("n", "d", Map.of("a", "a"), Map.of("l", "l"), s.inputs(),
            s.outputs(), null, new GraphSpec(Map.of(), Map.of())))) {
      assertNotEquals(s, other);
    }
  }

  /** Two of each placeholder, equal, then one differing from the first in each component in turn. */
  private static List<List<Placeholder>> placeholders() {
    Placeholder cond = new Placeholder.IsPresent("a");
    List<Placeholder> then = List.of(Placeholder.literal("t"));
    List<Placeholder> otherwise = List.of(Placeholder.literal("e"));
    return List.of(
        List.of(Placeholder.literal("x"), Placeholder.literal("x"), Placeholder.literal("y")),
        List.of(new Placeholder.InputValue("a"), new Placeholder.InputValue("a"), new Placeholder.InputValue("b")),
        List.of(new Placeholder.InputPath("a"), new Placeholder.InputPath("a"), new Placeholder.InputPath("b")),
        List.of(new Placeholder.OutputPath("a"), new Placeholder.OutputPath("a"), new Placeholder.OutputPath("b")),
        List.of(new Placeholder.InputUri("a"), new Placeholder.InputUri("a"), new Placeholder.InputUri("b")),
        List.of(new Placeholder.OutputUri("a"), new Placeholder.OutputUri("a"), new Placeholder.OutputUri("b")),
        List.of(new Placeholder.InputArtifacts("a"), new Placeholder.InputArtifacts("a"), new Placeholder.InputArtifacts("b")),
        List.of(new Placeholder.InputMetadata("a"), new Placeholder.InputMetadata("a"), new Placeholder.InputMetadata("b")),
        List.of(new Placeholder.OutputMetadata("a"), new Placeholder.OutputMetadata("a"), new Placeholder.OutputMetadata("b")),
        List.of(new Placeholder.IsPresent("a"), new Placeholder.IsPresent("a"), new Placeholder.IsPresent("b")),
        List.of(new Placeholder.Concat(then), new Placeholder.Concat(then), new Placeholder.Concat(otherwise),
            new Placeholder.Concat(then, true)),
        List.of(new Placeholder.ExecutorInput(), new Placeholder.ExecutorInput()),
        List.of(new Placeholder.If(cond, then, otherwise, false, false, true), new Placeholder.If(cond, then, otherwise, false, false, true),
            new Placeholder.If(new Placeholder.IsPresent("b"), then, otherwise, false, false, true),
            new Placeholder.If(cond, otherwise, otherwise, false, false, true), new Placeholder.If(cond, then, then, false, false, true),
            new Placeholder.If(cond, then, otherwise, true, false, true), new Placeholder.If(cond, then, otherwise, false, true, true),
            new Placeholder.If(cond, then, otherwise, false, false, false)));
  }

  @Test
  void placeholdersAreEqualWhenEveryComponentIsAndHashAsRecordsDo() {
    for (List<Placeholder> p : placeholders()) {
      assertEqualSpecs(p.get(0), p.get(1));
      for (Placeholder other : p.subList(2, p.size())) {
        assertNotEquals(p.get(0), other);
      }
      // a record's own hash: 31 * h + each component's hash, from 0
      int h = 0;
      for (java.lang.reflect.RecordComponent c : p.get(0).getClass().getRecordComponents()) {
        try {
          h = 31 * h + java.util.Objects.hashCode(c.getAccessor().invoke(p.get(0)));
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(e);
        }
      }
      assertEquals(h, p.get(0).hashCode(), p.get(0).toString());
    }
    assertNotEquals(Placeholder.literal("a"), new Placeholder.InputValue("a"));
    assertNotEquals(new Placeholder.InputValue("a"), new Placeholder.InputPath("a"));
    assertNotEquals(new Placeholder.InputPath("a"), new Placeholder.InputUri("a"));
    assertNotEquals(new Placeholder.OutputPath("a"), new Placeholder.OutputUri("a"));
    assertNotEquals(new Placeholder.InputUri("a"), new Placeholder.InputArtifacts("a"));
    assertNotEquals(new Placeholder.InputUri("a"), new Placeholder.InputMetadata("a"));
    assertNotEquals(new Placeholder.OutputUri("a"), new Placeholder.OutputMetadata("a"));
  }

  @Test
  void theTestsAboveCoverEveryComponent() {
    // A component added to a spec record must join its written-out equals and hashCode, and the tests above.
    assertEquals(1, TypeSpec.class.getRecordComponents().length);
    assertEquals(6, InputSpec.class.getRecordComponents().length);
    assertEquals(4, OutputSpec.class.getRecordComponents().length);
    assertEquals(5, ContainerSpec.class.getRecordComponents().length);
    assertEquals(8, ComponentSpec.class.getRecordComponents().length);
    assertEquals(13, placeholders().size(), "one row per placeholder record");
    assertEquals(Placeholder.class.getPermittedSubclasses().length, placeholders().size(), "one row per placeholder record");
    assertEquals(6, Placeholder.If.class.getRecordComponents().length);
  }
}
