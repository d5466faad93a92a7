package dev.kfp4j.maven;

import org.apache.maven.plugins.annotations.Mojo;

/** Switches a recurring run on. */
@Mojo(name = "recurring-run-enable", requiresProject = false, threadSafe = true)
public final class RecurringRunEnableMojo extends RecurringRunMojo {
  public RecurringRunEnableMojo() {
    super("recurring-runs enable");
  }
}
