package dev.kfp4j.maven;

import org.apache.maven.plugins.annotations.Mojo;

/** Deletes a recurring run. */
@Mojo(name = "recurring-run-delete", requiresProject = false, threadSafe = true)
public final class RecurringRunDeleteMojo extends RecurringRunMojo {
  public RecurringRunDeleteMojo() {
    super("recurring-runs delete");
  }
}
