package dev.kfp4j.entrypoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one-line form generated entrypoints declare their signatures in ({@link Signature#of}) makes
 * the same flags, in the same order, and the same usage line as the chain of calls it replaces.
 */
class SignatureTest {
  @Test
  void oneLineIsTheChainOfCalls() {
    Signature line = Signature.of("summarise", "Sums.",
            "numbers:inputPath scale? label? model:inputArtifact? report:outputPath out:outputArtifact -> mean count")
        .defaultText("scale", "1.0");
    Signature chain = new Signature("summarise", "Sums.")
        .inputPath("numbers", true)
        .optionalValue("scale", "1.0")
        .optionalValue("label", null)
        .inputArtifact("model", false)
        .outputPath("report")
        .outputArtifact("out")
        .output("mean")
        .output("count");
    assertEquals(chain.flags(), line.flags());
    assertEquals(chain.outputs(), line.outputs());
    assertEquals(chain.usage("prog"), line.usage("prog"));
    assertEquals("Sums.", line.description());
  }

  @Test
  void valuesAloneOrOutputsAlone() {
    assertEquals(List.of(new Signature.Flag("a", Signature.Kind.VALUE, true, null),
        new Signature.Flag("b", Signature.Kind.VALUE, true, null)), Signature.of("add", "", "a b").flags());
    Signature outputs = Signature.of("now", "", "-> Output");
    assertEquals(List.of(), outputs.flags());
    assertEquals(List.of("Output"), outputs.outputs());
    assertEquals(List.of(), Signature.of("noop", "", "").flags());
  }

  @Test
  void anUnknownKindOrDefaultIsAnError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Signature.of("c", "", "a:file"));
    assertEquals("unknown kind 'file' of input 'a'", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Signature.of("c", "", "a").defaultText("b", "1"));
    assertEquals("no input 'b'", e.getMessage());
  }
}
