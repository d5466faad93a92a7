package dev.kfp4j.maven;

import org.apache.maven.plugins.annotations.Mojo;

/** Switches a recurring run off. */
@Mojo(name = "recurring-run-disable", requiresProject = false, threadSafe = true)
public final class RecurringRunDisableMojo extends RecurringRunMojo {
  public RecurringRunDisableMojo() {
    super("recurring-runs disable");
  }
}
