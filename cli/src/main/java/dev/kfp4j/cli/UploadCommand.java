package dev.kfp4j.cli;

import dev.kfp4j.client.KfpClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kfp4j upload-pipeline}: the compiled pipeline, with run_config applied, as a new pipeline or a new version. */
@Command(name = "upload-pipeline", description = "Uploads the compiled pipeline to KFP (a KFP 2 pipeline spec with "
    + "api_version v2beta1, else the Argo workflow): a new pipeline the first time, then a new version of it.")
final class UploadCommand extends Commands.Base {
  @Mixin Options.Server server;
  @Mixin PipelineChoice pipeline;
  @Mixin Options.Pin pin;
  @Mixin Options.Output output;

  /** Not shown: an Argo Server keeps no pipelines, and the error says what to run instead. */
  @Option(names = "--argo", hidden = true)
  boolean argo;

  @Option(names = "--version-name", paramLabel = "NAME", description = "The version's name (default: the pipeline name, the UTC time to the millisecond "
      + "and the first 8 hex digits of the uploaded file's SHA-256); at most 127 characters (bytes in UTF-8), as KFP takes. With "
      + "api_version v1beta1 a new pipeline's first version is named by KFP, as the pipeline.")
  String versionName;

  @Override
  public Integer call() {
    if (argo) {
      throw new ConfigException("an Argo Server keeps no pipelines; 'run-once --argo' submits the pipeline, 'schedule --argo' "
          + "makes a CronWorkflow of it");
    }
    if (versionName != null) {
      VersionNames.check(versionName, terms());
    }
    Cluster c = Cluster.of(server, pipeline, pin);
    KfpClient kfp = server.kfp();
    Cluster.Uploaded u = c.upload(kfp, versionName);
    if (u.newPipeline() && versionName != null && !versionName.equals(u.version().name())) { // v1beta1 takes no name for it
      err().println("kfp4j: --version-name " + versionName + " is not this upload's: KFP's v1beta1 API names a new pipeline's"
          + " first version itself ('" + u.version().name() + "'); the name is taken by a version uploaded later, and by the"
          + " first with api_version v2beta1");
    }
    new Printer(out(), output.json()).record(u.fields(kfp));
    return Kfp4j.OK;
  }
}
