package dev.kfp4j.cli;

import static dev.kfp4j.cli.Printer.row;

import dev.kfp4j.client.Experiment;
import dev.kfp4j.client.KfpClient;
import dev.kfp4j.client.KfpException;
import dev.kfp4j.client.Pipeline;
import dev.kfp4j.client.PipelineVersion;
import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.kfp2.Kfp2Writer;
import dev.kfp4j.local.PipelinesIndex.FormatsFrom;
import dev.kfp4j.model.RunArguments;
import java.time.Instant;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A compiled pipeline made ready for a cluster: read once, in the form the cluster takes ({@link
 * Options.Server#format}: a KFP 2 pipeline spec for KFP's v2beta1 API, else an Argo workflow), with
 * {@code run_config} applied ({@link Overlay}) and written once when it is sent. Arguments are
 * checked against its parameters before anything is sent.
 */
final class Cluster {
  private final PipelineFormat format;
  private final dev.kfp4j.model.Pipeline compiled;
  private final Config config;
  /** The config's run_config, with the image pinned to its digest when asked ({@link Options.Pin}). */
  private final Config.RunConfig run;
  private dev.kfp4j.model.Pipeline overlaid;
  private String yaml;
  /** Every task's caching in the file uploaded, over the compiled tasks' own; null: as compiled. */
  private Boolean caching;

  private Cluster(PipelineFormat format, dev.kfp4j.model.Pipeline compiled, Config config, Config.RunConfig run) {
    this.format = format;
    this.compiled = compiled;
    this.config = config;
    this.run = run;
  }

  /** The form the pipeline is sent in: a KFP 2 pipeline spec, or an Argo workflow. */
  PipelineFormat format() {
    return format;
  }

  /** The pipeline {@code choice} names, in the form {@code server} takes, its image pinned as {@code pin} says. */
  static Cluster of(Options.Server server, PipelineChoice choice, Options.Pin pin) {
    return of(server, server.format(), choice, pin, (wanted, chosen) -> whyFormat(wanted, server.terms(), chosen));
  }

  /**
   * The pipeline {@code choice} names, in {@code format}, with the config file's settings, its image pinned as {@code pin}
   * says; {@code why} says why a pipeline in the other form will not do, and what to do instead, given what chose its
   * formats ({@link PipelineChoice#locate}).
   */
  static Cluster of(Options.ConfigFile file, PipelineFormat format, PipelineChoice choice, Options.Pin pin,
      BiFunction<PipelineFormat, FormatsFrom, String> why) {
    PipelineChoice.Located located = choice.locate(format, why);
    Config config = file.config();
    // a file of the other form: a file given, which no index says the formats of
    dev.kfp4j.model.Pipeline compiled = Tracking.apply(format.read(located.yaml(), located.source(), why.apply(format, null),
        file.terms().option("-n/--namespace") + " (or the config file's namespace)"), config.mlflow());
    return new Cluster(format, compiled, config, pin.run(config.run(), choice.classes));
  }

  String name() {
    return compiled.name();
  }

  /** The pipeline as compiled: its name and typed parameters. */
  dev.kfp4j.model.Pipeline compiled() {
    return compiled;
  }

  /**
   * The pipeline as it goes to the cluster: with {@code run_config} applied, and an image for every
   * task.
   *
   * @throws ConfigException naming the components that have no image
   */
  dev.kfp4j.model.Pipeline overlaid() {
    if (overlaid == null) {
      dev.kfp4j.model.Pipeline p = Overlay.apply(compiled, run);
      Overlay.checkImages(p);
      overlaid = p;
    }
    return overlaid;
  }

  /** This pipeline uploaded with every task's caching {@code caching} (null: as compiled), as KFP's {@code enable_caching}. */
  Cluster withCaching(Boolean caching) {
    this.caching = caching;
    this.yaml = null;
    return this;
  }

  /**
   * The file to upload: {@link #overlaid()} written in its form, every task's caching set when asked ({@link #withCaching}), with
   * {@link Overlay#note} when a config file was read.
   */
  String yaml() {
    if (yaml == null) {
      String written = format.write(overlaid());
      if (caching != null) { // on the file, as KFP's client sets it in the package it sends
        written = format == PipelineFormat.KFP2 ? dev.kfp4j.format.kfp2.RunCaching.override(written, caching)
            : dev.kfp4j.format.argo.RunCaching.override(written, caching);
      }
      yaml = config.file() != null ? Overlay.note(written) : written; // no file read: no run_config applied to say
    }
    return yaml;
  }

  /**
   * {@code given} checked against the pipeline's parameters (names, values without default, types);
   * for KFP 2, also that each value is one its runtime config takes (no {@code nan} for a float). A value missing is said
   * with the argument option as {@code terms} name it ({@code -a name=value}, a goal's {@code -Dkfp4j.arg=name=value}).
   */
  Map<String, String> arguments(Map<String, String> given, Terms terms) {
    Map<String, String> checked = RunArguments.check(compiled, given, terms.option("-a", "name=value"));
    if (format == PipelineFormat.KFP2) {
      checked.forEach((name, text) -> {
        try {
          Kfp2Writer.runtimeValue(name, text, compiled.parameter(name).orElseThrow().type());
        } catch (FormatException e) {
          throw new ConfigException(e.getMessage());
        }
      });
    }
    return checked;
  }

  /** Why a pipeline in the other form will not do, and what to do instead ({@code chosen}: what chose its formats, or null). */
  static String whyFormat(PipelineFormat wanted, Terms terms, FormatsFrom chosen) {
    return wanted == PipelineFormat.KFP2
        ? "(api_version v2beta1 uploads KFP 2 pipeline specs): set api_version: v1beta1 (" + terms.option("--api-version", "v1beta1")
            + ") to upload the Argo workflow; else " + wanted.compileToo(chosen)
        : "(KFP's v1beta1 API and an Argo Server take Argo workflows): for KFP 2, set api_version: v2beta1 ("
            + terms.option("--api-version", "v2beta1") + "); else " + wanted.compileToo(chosen);
  }

  // ------------------------------------------------------------------------------------------ KFP

  /** The experiment runs go to: the option, else the config's, else {@code Default}; created if missing. */
  static Experiment experiment(KfpClient kfp, String option, Config config) {
    return kfp.getOrCreateExperiment(Options.first(option, Options.first(config.run().experimentName(), "Default")), null);
  }

  /** What an upload made. */
  record Uploaded(Pipeline pipeline, PipelineVersion version, boolean newPipeline) {
    Map<String, Object> fields(KfpClient kfp) {
      return row("pipeline", pipeline.name(), "pipeline_id", pipeline.id(), "new_pipeline", newPipeline,
          "version", version.name(), "version_id", version.id(), "url", kfp.pipelineUrl(pipeline.id()));
    }
  }

  /**
   * Uploads {@link #yaml()} as a new pipeline named as the compiled one, or as a new version of it
   * ({@code versionName}, default {@link VersionNames#of}: the name, the UTC time and the file's hash). A new pipeline's
   * first version is named {@code versionName} with v2beta1 ({@link KfpClient#uploadPipeline(String, String, String,
   * String)}); without one, and always with v1beta1, which takes no name for it, KFP names it as the pipeline.
   */
  Uploaded upload(KfpClient kfp, String versionName) {
    String file = yaml();
    String description = config.run().description();
    Pipeline existing = kfp.findPipeline(name()).orElse(null);
    if (existing == null) {
      Pipeline created = versionName != null && kfp.apiVersion() == KfpClient.ApiVersion.V2BETA1
          ? kfp.uploadPipeline(name(), description, versionName, file)
          : kfp.uploadPipeline(name(), description, file);
      PipelineVersion v = created.defaultVersionId() == null ? null
          : kfp.getPipelineVersion(created.id(), created.defaultVersionId());
      if (v == null) {
        throw new KfpException(0, "uploaded pipeline '" + name() + "' (id " + created.id() + "), but the server named no version of it");
      }
      return new Uploaded(created, v, true);
    }
    String version = versionName != null ? versionName : VersionNames.of(name(), Instant.now(), file);
    return new Uploaded(existing, kfp.uploadPipelineVersion(existing.id(), version, description, file), false);
  }
}
