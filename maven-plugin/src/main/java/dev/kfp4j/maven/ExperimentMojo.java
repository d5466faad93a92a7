package dev.kfp4j.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Parameter;

/** A goal that starts runs in an experiment, or on an Argo Server instead of KFP ({@code kfp4j.argo}). */
abstract class ExperimentMojo extends PipelineMojo {
  ExperimentMojo(String command) {
    super(command);
  }

  /** Send to an Argo Server instead of KFP. */
  @Parameter(property = "kfp4j.argo", defaultValue = "false")
  boolean argo;

  /** The Argo Server (else the config's {@code argo_server}, else {@code ARGO_SERVER}). */
  @Parameter(property = "kfp4j.argoServer")
  String argoServer;

  /** The experiment (else the config's, else {@code Default}). */
  @Parameter(property = "kfp4j.experiment")
  String experiment;

  /** The run's name. */
  @Parameter(property = "kfp4j.runName")
  String runName;

  /** Where the runs keep their artifacts, instead of the pipeline's own root (KFP 2 only). */
  @Parameter(property = "kfp4j.pipelineRoot")
  String pipelineRoot;

  /** Every task's caching in the pipeline uploaded with the run: true on, false off (KFP's enable_caching); default as compiled. */
  @Parameter(property = "kfp4j.cache")
  Boolean cache;

  @Override
  List<String> pipelineArguments() {
    List<String> args = super.pipelineArguments();
    option(args, "--experiment", experiment);
    option(args, "--run-name", runName);
    option(args, "--pipeline-root", pipelineRoot);
    if (cache != null) {
      args.add(cache ? "--cache" : "--no-cache");
    }
    flag(args, "--argo", argo);
    option(args, "--argo-server", argoServer);
    return args;
  }
}
