package dev.kfp4j.maven;

import org.apache.maven.plugins.annotations.Mojo;

/** Shows a run and each of its tasks' state, pod and outputs: {@code mvn kfp4j:run-get -Dkfp4j.runId=...}. */
@Mojo(name = "run-get", requiresProject = false, threadSafe = true)
public final class RunGetMojo extends RunIdMojo {
  public RunGetMojo() {
    super("runs get");
  }
}
