package dev.kfp4j.cli;

import static dev.kfp4j.cli.Printer.row;

import dev.kfp4j.client.KfpClient;
import dev.kfp4j.client.Pipeline;
import dev.kfp4j.client.PipelineVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
  abstract static class One extends Commands.Base {
    @Mixin Options.Server server;
    @Mixin Options.Output output;

    @Parameters(index = "0", paramLabel = "PIPELINE", description = "The pipeline's name, or its id.")
    String pipeline;
  }

  /** A command on one version of a pipeline. */
  abstract static class OneVersion extends One {
    @Parameters(index = "1", paramLabel = "VERSION", description = "The version's id (as 'list-versions' shows).")
    String version;
  }

  @Command(name = "list", description = "Lists the pipelines, newest first.")
  static class ListAll extends Commands.Base {
    @Mixin Options.Server server;
    @Mixin Options.Output output;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most this many (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
      KfpClient kfp = server.kfp();
      new Printer(out(), output.json()).table(Rows.list(limit, kfp::listPipelines, Rows::of), Rows.PIPELINE);
      return Kfp4j.OK;
    }
  }

  @Command(name = "get", description = "Shows a pipeline.")
  static final class Get extends One {
    @Override
    public Integer call() {
      new Printer(out(), output.json()).record(Rows.of(Rows.pipeline(server.kfp(), pipeline)));
      return Kfp4j.OK;
    }
  }

  @Command(name = "delete", description = "Deletes a pipeline and all its versions.")
  static final class Delete extends One {
    @Override
    public Integer call() {
      KfpClient kfp = server.kfp();
      Pipeline p = Rows.pipeline(kfp, pipeline);
      kfp.deletePipeline(p.id());
      new Printer(out(), output.json()).record(row("deleted", "pipeline", "name", p.name(), "id", p.id()));
      return Kfp4j.OK;
    }
  }

  @Command(name = "list-versions", description = "Lists a pipeline's versions, newest first.")
  static final class ListVersions extends One {
    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most this many (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
      KfpClient kfp = server.kfp();
      String id = Rows.pipeline(kfp, pipeline).id();
      new Printer(out(), output.json()).table(Rows.list(limit, o -> kfp.listPipelineVersions(id, o), Rows::of), Rows.VERSION);
      return Kfp4j.OK;
    }
  }

  @Command(name = "get-version", description = "Shows a version of a pipeline.")
  static final class GetVersion extends OneVersion {
    @Override
    public Integer call() {
      KfpClient kfp = server.kfp();
      new Printer(out(), output.json()).record(Rows.of(kfp.getPipelineVersion(Rows.pipeline(kfp, pipeline).id(), version)));
      return Kfp4j.OK;
    }
  }

  @Command(name = "delete-version", description = "Deletes a version of a pipeline.")
  static final class DeleteVersion extends OneVersion {
    @Override
    public Integer call() {
      KfpClient kfp = server.kfp();
      PipelineVersion v = kfp.getPipelineVersion(Rows.pipeline(kfp, pipeline).id(), version);
      kfp.deletePipelineVersion(v.pipelineId(), v.id());
      new Printer(out(), output.json()).record(row("deleted", "pipeline version", "name", v.name(), "id", v.id(), "pipeline_id", v.pipelineId()));
      return Kfp4j.OK;
    }
  }
}
