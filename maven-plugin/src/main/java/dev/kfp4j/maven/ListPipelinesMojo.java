package dev.kfp4j.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Lists the pipelines on the server. */
@Mojo(name = "list-pipelines", requiresProject = false, threadSafe = true)
public final class ListPipelinesMojo extends ServerMojo {
  public ListPipelinesMojo() {
    super("list-pipelines");
  }

  /** At most this many (default 50). */
  @Parameter(property = "kfp4j.limit")
  Integer limit;

  @Override
  List<String> goalArguments() {
    List<String> args = new ArrayList<>();
    option(args, "--limit", limit);
    return args;
  }
}
