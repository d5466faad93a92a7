package dev.kfp4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Several components of one class may return records: each reads its own result in the entrypoint. */
class RecordOutputsTest {
  @Test
  void twoRecordReturningComponentsInOneClassCompile() {
    Compilation c = Compile.compile(Compile.testClass("Stats", List.of("import dev.kfp4j.annotations.*;"),
        "public record Pair(int count, double mean) {}",
        "public record Named(String label, int size) {}",
        "@Component public static Pair pair(int n) { return new Pair(n, n / 2.0); }",
        "@Component public static Pair other(int n) { return new Pair(n + 1, n); }",
        "@Component public static Named named(String s) { return new Named(s, s.length()); }"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("test.StatsEntrypoint").contentsAsUtf8String().contains("case \"other\": {");
  }
}
