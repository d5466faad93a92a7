package dev.kfp4j.maven;

import org.apache.maven.plugins.annotations.Mojo;

/** Stops a run. */
@Mojo(name = "run-terminate", requiresProject = false, threadSafe = true)
public final class RunTerminateMojo extends RunIdMojo {
  public RunTerminateMojo() {
    super("runs terminate");
  }
}
