package dev.kfp4j.cli;

import dev.kfp4j.client.KfpClient;
import dev.kfp4j.client.Pipeline;
import dev.kfp4j.client.PipelineVersion;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kfp4j pipelines list|get|delete|list-versions|get-version|delete-version}, as {@code kfp
 * pipeline ...} of KFP's CLI. {@code upload-pipeline} makes them.
 */
@Command(name = "pipelines", description = "Lists, shows and deletes uploaded pipelines and their versions.",
    subcommands = {PipelineCommands.ListAll.class, PipelineCommands.Get.class, PipelineCommands.Delete.class,
        PipelineCommands.ListVersions.class, PipelineCommands.GetVersion.class, PipelineCommands.DeleteVersion.class})
final class PipelineCommands extends CommandGroup {
  /** A command on one pipeline. */
  abstract static class One extends ResourceCommand.One<Pipeline> {
    @Parameters(index = "0", paramLabel = "PIPELINE", description = "The pipeline's name, or its id.")
    String pipeline;

    @Override
    Map<String, Object> fields(Pipeline p) {
      return Rows.of(p, server.apiVersion());
    }

    @Override
    Pipeline find(KfpClient kfp) {
      return Rows.pipeline(kfp, pipeline, terms());
    }

    @Override
    String id(KfpClient kfp) {
      return find(kfp).id();
    }

    @Override
    Pipeline get(KfpClient kfp, String id) {
      return kfp.getPipeline(id);
    }
  }

  /** A command on one version of a pipeline. */
  abstract static class OneVersion extends ResourceCommand.One<PipelineVersion> {
    @Parameters(index = "0", paramLabel = "PIPELINE", description = "The pipeline's name, or its id.")
    String pipeline;

    @Parameters(index = "1", paramLabel = "VERSION_ID", description = "The version's id (as 'list-versions' shows), not its name.")
    String version;

    @Override
    Map<String, Object> fields(PipelineVersion v) {
      return Rows.of(v);
    }

    @Override
    String id(KfpClient kfp) {
      return version;
    }

    @Override
    PipelineVersion get(KfpClient kfp, String id) {
      return kfp.getPipelineVersion(Rows.pipeline(kfp, pipeline, terms()).id(), id);
    }
  }

  @Command(name = "list", description = "Lists the pipelines, newest first.")
  static class ListAll extends ResourceCommand<Pipeline> {
    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most this many (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    Map<String, Object> fields(Pipeline p) {
      return Rows.of(p, server.apiVersion());
    }

    @Override
    public Integer call() {
      return list(limit, server.kfp()::listPipelines, Rows.pipelineColumns(server.apiVersion()));
    }
  }

  @Command(name = "get", description = "Shows a pipeline.")
  static final class Get extends One {
    @Override
    public Integer call() {
      return show();
    }
  }

  @Command(name = "delete", description = "Deletes a pipeline and all its versions.")
  static final class Delete extends One {
    @Override
    public Integer call() {
      return delete("pipeline", (kfp, p) -> kfp.deletePipeline(p.id()));
    }
  }

  @Command(name = "list-versions", description = "Lists a pipeline's versions, newest first.")
  static final class ListVersions extends ResourceCommand<PipelineVersion> {
    @Parameters(index = "0", paramLabel = "PIPELINE", description = "The pipeline's name, or its id.")
    String pipeline;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most this many (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    Map<String, Object> fields(PipelineVersion v) {
      return Rows.of(v);
    }

    @Override
    public Integer call() {
      KfpClient kfp = server.kfp();
      String id = Rows.pipeline(kfp, pipeline, terms()).id();
      return list(limit, o -> kfp.listPipelineVersions(id, o), Rows.VERSION);
    }
  }

  @Command(name = "get-version", description = "Shows a version of a pipeline.")
  static final class GetVersion extends OneVersion {
    @Override
    public Integer call() {
      return show();
    }
  }

  @Command(name = "delete-version", description = "Deletes a version of a pipeline.")
  static final class DeleteVersion extends OneVersion {
    @Override
    public Integer call() {
      return delete("pipeline version", (kfp, v) -> kfp.deletePipelineVersion(v.pipelineId(), v.id()), "pipeline_id");
    }
  }
}
