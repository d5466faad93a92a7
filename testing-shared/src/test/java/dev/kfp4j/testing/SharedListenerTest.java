package dev.kfp4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Tests that need {@code ../shared} are skipped without it, and the run says so in one line. */
class SharedListenerTest {
  @TempDir Path dir;
  private final String property = System.getProperty(Shared.PROPERTY);

  /** Run by the tests below, not by the build: four tests that need the folder, one that does not. */
  static class Needs {
    @Test
    void schemas() {
      Shared.schemas("argo/v3.3.10/schema.json");
    }

    @Test
    void protos() {
      Shared.schemas("kfp-ir/pipeline_spec.proto");
    }

    @Test
    void two() {
      Shared.root(Shared.KFP_PROTOS, Shared.ARGO_SCHEMAS);
    }

    @Test
    void library() {
      Shared.testdata("kfp-components/components");
    }

    @Test
    void nothing() {}
  }

  @AfterEach
  void restore() {
    if (property == null) {
      System.clearProperty(Shared.PROPERTY);
    } else {
      System.setProperty(Shared.PROPERTY, property);
    }
  }

  /** Runs {@link Needs} with the folder at {@code shared}; what the run printed, and its summary. */
  private record Run(String out, TestExecutionSummary summary) {}

  private static Run run(Path shared) throws IOException {
    System.setProperty(Shared.PROPERTY, shared.toString());
    Launcher launcher = LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false)
        .enableLauncherSessionListenerAutoRegistration(false).build());
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    SkippedTests tally = new SkippedTests(null, "");
    tally.opened();
    launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(Needs.class)).build(),
        new SharedListener(tally), summary);
    return new Run(String.join("\n", tally.closed()), summary.getSummary());
  }

  @Test
  void withoutTheFolderItsTestsAreSkippedAndOneLineSaysWhatAndWhere() throws IOException {
    Path absent = dir.resolve("shared");
    Run r = run(absent);
    assertEquals(4, r.summary().getTestsAbortedCount(), "skipped, not passed");
    assertEquals(1, r.summary().getTestsSucceededCount());
    assertEquals(0, r.summary().getTotalFailureCount());
    assertEquals("kfp4j: 4 tests skipped: they check against Argo's Workflow schemas, KFP 2's .proto files and the KFP component "
        + "library, in the reference folder " + absent + ", which is not there; point at it with -Dkfp4j.shared=DIR", r.out());
  }

  /** A name of a test's own for what it needs ("Argo's schemas") stood beside Shared's for the same in the line. */
  @Test
  void aNeedIsOneOfSharedsNames() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shared.root("Argo's schemas"));
    assertTrue(e.getMessage().startsWith("'Argo's schemas' is none of [Argo's Workflow schemas, "), e.getMessage());
  }

  @Test
  void withTheFolderTheyRunAndNothingIsSaid() throws IOException {
    Run r = run(dir);
    assertEquals(5, r.summary().getTestsSucceededCount());
    assertEquals("", r.out());
  }
}
