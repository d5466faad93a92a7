package dev.kfp4j.cli;

import dev.kfp4j.entrypoint.FileErrors;
import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.SourceLine;
import dev.kfp4j.format.kfp2.KubernetesManifests;
import dev.kfp4j.local.PipelinesIndex.FormatsFrom;
import dev.kfp4j.local.WholeFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kfp4j manifest}: the compiled KFP 2 pipeline, with run_config applied as for an upload, as
 * the Kubernetes resources of KFP's Kubernetes pipeline store ({@link KubernetesManifests}).
 */
@Command(name = "manifest", description = "Writes the compiled KFP 2 pipeline, with run_config applied, as the Kubernetes "
    + "resources KFP keeps pipelines in when it stores them in Kubernetes (a PipelineVersion of pipelines.kubeflow.org/v2beta1, "
    + "after its Pipeline with --include-pipeline), for kubectl apply or GitOps, as KFP's compiler writes them with "
    + "kubernetes_manifest_format.")
final class ManifestCommand extends Commands.Base {
  @Mixin Options.ConfigFile config;
  @Mixin PipelineChoice pipeline;
  @Mixin Options.Pin pin;

  @Option(names = "--name", paramLabel = "NAME", description = "The Pipeline resource's name, which the version names "
      + "(default: the pipeline's name).")
  String name;

  @Option(names = "--display-name", paramLabel = "TEXT", description = "The Pipeline's display name (default: its name).")
  String displayName;

  @Option(names = "--version-name", paramLabel = "NAME", description = "The PipelineVersion resource's name (default: the "
      + "pipeline's name); a new version needs a new name, KFP keeps a version's spec as it was made.")
  String versionName;

  @Option(names = "--version-display-name", paramLabel = "TEXT", description = "The version's display name (default: its name).")
  String versionDisplayName;

  @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "The resources' namespace (default: the config's "
      + "namespace; none when it has none, the one kubectl applies to).")
  String namespace;

  @Option(names = "--include-pipeline", description = "Write the Pipeline resource too, before its version: KFP takes a "
      + "version only of a pipeline that is there.")
  boolean includePipeline;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to this file instead of standard output.")
  Path output;

  /** Why a pipeline compiled for Argo only will not do: whatever the server's API, the manifests hold a KFP 2 spec. */
  private static String whyKfp2(FormatsFrom chosen) {
    return "(KFP's Kubernetes manifests hold a KFP 2 pipeline spec): " + PipelineFormat.KFP2.compileToo(chosen);
  }

  @Override
  public Integer call() throws IOException {
    Cluster c = Cluster.of(config, PipelineFormat.KFP2, pipeline, pin, (wanted, chosen) -> whyKfp2(chosen));
    String ns = Options.first(namespace, config.config().namespace());
    String yaml;
    try {
      yaml = KubernetesManifests.write(c.yaml(), new KubernetesManifests.Names(name, displayName, versionName,
          versionDisplayName, ns, includePipeline), header(c.yaml()));
    } catch (FormatException e) {
      throw new ConfigException(e.getMessage());
    }
    if (output == null) {
      out().print(yaml);
      out().flush();
      return Kfp4j.OK;
    }
    Path file = output.toAbsolutePath();
    if (Files.isDirectory(file)) { // moved over, a folder would be an error after the staged file was written
      throw new ConfigException(terms().option("--output", output.toString()) + ": a folder; name the file to write, such as "
          + terms().option("--output", output.resolve(c.compiled().name() + ".yaml").toString()));
    }
    Files.createDirectories(file.getParent());
    try {
      WholeFiles.write(file, yaml); // written whole or not at all, staged under a new name that replaces or follows nothing
    } catch (IOException e) { // named as the user gave it, not as the hidden file it was staged in
      throw FileErrors.unwritten(output, e);
    }
    out().println("Wrote " + output);
    return Kfp4j.OK;
  }

  /** kfp4j's own lines of the spec's header (where it came from, the config applied), without KFP's summary. */
  private static String header(String spec) {
    StringBuilder out = new StringBuilder();
    for (String line : spec.lines().takeWhile(l -> l.startsWith("#")).toList()) {
      if (line.startsWith("# " + SourceLine.PREFIX) || line.equals("# " + Overlay.NOTE)) {
        out.append(out.isEmpty() ? "" : "\n").append(line.substring(2));
      }
    }
    return out.isEmpty() ? null : out.toString();
  }
}
