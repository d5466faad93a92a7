package dev.kfp4j.entrypoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A generated entrypoint's row of a component makes the same flags, in the same order, and the
 * same usage line as the chain of calls that declares them; names and defaults with any character
 * come back as they were.
 */
class TableTest {
  @Test
  void aRowIsTheChainOfCalls() {
    Table.Row row = Table.parse("summarise summarise(java.nio.file.Path,double,java.util.Optional,"
        + "dev.kfp4j.artifacts.Model,java.lang.String,dev.kfp4j.artifacts.Dataset) numbers:inputPath scale?=1.0 label? "
        + "model:inputArtifact? report:outputPath out:outputArtifact -> mean count\tSums.");
    Signature chain = new Signature("summarise", "Sums.")
        .inputPath("numbers", true)
        .optionalValue("scale", "1.0")
        .optionalValue("label", null)
        .inputArtifact("model", false)
        .outputPath("report")
        .outputArtifact("out")
        .output("mean")
        .output("count");
    assertEquals(chain.flags(), row.signature().flags());
    assertEquals(chain.outputs(), row.signature().outputs());
    assertEquals(chain.usage("prog"), row.signature().usage("prog"));
    assertEquals("Sums.", row.signature().description());
    assertEquals("summarise", row.method());
    assertArrayEquals(new String[] {"java.nio.file.Path", "double", "java.util.Optional", "dev.kfp4j.artifacts.Model",
        "java.lang.String", "dev.kfp4j.artifacts.Dataset"}, row.parameterTypes());
  }

  @Test
  void noInputsNoOutputsNoDescription() {
    Table.Row row = Table.parse("now now() -> Output");
    assertEquals(List.of(), row.signature().flags());
    assertEquals(List.of("Output"), row.signature().outputs());
    assertEquals("", row.signature().description());
    assertEquals(0, row.parameterTypes().length);
    assertEquals(List.of(new Signature.Flag("a", Signature.Kind.VALUE, true, null)),
        Table.parse("noop noop(int) a\t").signature().flags());
  }

  @Test
  void namesAndDefaultsKeepEveryCharacter() {
    String odd = "a b:c?d=e,f(g)h->i%j\nk\tl é";
    String row = "c m(java.lang.String,java.lang.String) " + Table.escape(odd) + "?=" + Table.escape(odd) + " -> "
        + Table.escape("->") + "\t" + "A description: with -> and = in it.";
    Table.Row parsed = Table.parse(row);
    assertEquals(List.of(new Signature.Flag(odd, Signature.Kind.VALUE, false, odd)), parsed.signature().flags());
    assertEquals(List.of("->"), parsed.signature().outputs());
    assertEquals("A description: with -> and = in it.", parsed.signature().description());
    assertEquals("plain-name", Table.escape("plain-name"));
  }

  @Test
  void aComponentIsFoundByItsWholeName() {
    String[] table = {"add add(int,int) a b -> Output\tAdds.", "add-all addAll(java.util.List) numbers -> Output"};
    assertEquals("add-all", Table.row(table, "add-all").signature().component());
    assertEquals("add", Table.row(table, "add").signature().component());
    assertNull(Table.row(table, "ad"));
    assertEquals("add,add-all", Table.names(table));
  }

  @Test
  void anUnknownRoleIsAnError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Table.parse("c m(int) a:file"));
    assertEquals("unknown role 'file' of input 'a'", e.getMessage());
  }
}
