package dev.kfp4j.cli;

import static dev.kfp4j.cli.Printer.row;

import dev.kfp4j.client.Experiment;
import dev.kfp4j.client.KfpClient;
import dev.kfp4j.client.KfpException;
import dev.kfp4j.client.ListOptions;
import dev.kfp4j.client.Page;
import dev.kfp4j.client.Pipeline;
import dev.kfp4j.client.PipelineVersion;
import dev.kfp4j.client.RecurringRun;
import dev.kfp4j.client.Run;
import dev.kfp4j.client.ShownUrl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the run-management commands share: the printed fields of each kind of object, lists read
 * page by page up to a limit, and an experiment or pipeline named by its name or id.
 */
final class Rows {
  static final List<String> EXPERIMENT = List.of("name", "id", "state", "created");
  static final List<String> VERSION = List.of("name", "id", "pipeline_id", "created");
  static final List<String> RUN = List.of("name", "id", "state", "created", "finished");
  static final List<String> RECURRING_RUN = List.of("name", "id", "enabled", "schedule", "created");

  private Rows() {}

  static Map<String, Object> of(Experiment e) {
    return row("name", e.name(), "id", e.id(), "state", e.storageState(), "created", e.createdAt(), "description", e.description());
  }

  /** The columns of a list of pipelines: under v2beta1 no {@code default_version_id}, which KFP 2's pipelines do not have. */
  static List<String> pipelineColumns(KfpClient.ApiVersion api) {
    return api == KfpClient.ApiVersion.V2BETA1 ? List.of("name", "id", "created")
        : List.of("name", "id", "created", "default_version_id");
  }

  /**
   * What is shown of pipeline {@code p}, read through {@code api}: its default version's id under v1beta1 only, as v2beta1's
   * pipelines have none (it was shown empty, or null in JSON, as if the server had not said).
   */
  static Map<String, Object> of(Pipeline p, KfpClient.ApiVersion api) {
    Map<String, Object> row = row("name", p.name(), "id", p.id(), "created", p.createdAt(), "default_version_id",
        p.defaultVersionId(), "description", p.description());
    if (api == KfpClient.ApiVersion.V2BETA1) {
      row.remove("default_version_id");
    }
    return row;
  }

  static Map<String, Object> of(PipelineVersion v) {
    return row("name", v.name(), "id", v.id(), "pipeline_id", v.pipelineId(), "created", v.createdAt(), "description", v.description());
  }

  static Map<String, Object> of(Run r) {
    return row("name", r.name(), "id", r.id(), "state", r.state(), "created", r.createdAt(), "finished", r.finishedAt(),
        "experiment_id", r.experimentId(), "pipeline_version_id", r.pipelineVersionId(), "error", r.error());
  }

  static Map<String, Object> of(RecurringRun r) {
    return row("name", r.name(), "id", r.id(), "enabled", r.enabled(), "schedule", r.schedule(), "created", r.createdAt(),
        "max_concurrency", r.maxConcurrency(), "no_catchup", r.noCatchup(), "experiment_id", r.experimentId(),
        "pipeline_version_id", r.pipelineVersionId());
  }

  /** Up to {@code limit} items, newest first, read page by page. */
  static <T> List<Map<String, Object>> list(int limit, Function<ListOptions, Page<T>> read, Function<T, Map<String, Object>> row,
      Terms terms) {
    if (limit < 1) {
      throw new ConfigException(terms.option("--limit") + " is " + limit + "; give 1 or more");
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    ListOptions next = ListOptions.newestFirst(Math.min(limit, 100));
    while (true) {
      Page<T> page = read.apply(next);
      for (T item : page.items()) {
        if (rows.size() < limit) {
          rows.add(row.apply(item));
        }
      }
      if (!page.hasNext() || rows.size() >= limit || page.items().isEmpty()) {
        return rows;
      }
      next = next.next(page);
    }
  }

  /** The experiment of this name in the namespace, else of this id. */
  static Experiment experiment(KfpClient kfp, String nameOrId, Terms terms) {
    return byNameOrId("experiment", nameOrId, kfp.findExperiment(nameOrId), kfp::getExperiment,
        ShownUrl.of(kfp.host()) + (kfp.namespace() == null ? "" : " in namespace " + kfp.namespace()), terms);
  }

  /** The pipeline of this name, else of this id. */
  static Pipeline pipeline(KfpClient kfp, String nameOrId, Terms terms) {
    return byNameOrId("pipeline", nameOrId, kfp.findPipeline(nameOrId), kfp::getPipeline, ShownUrl.of(kfp.host()), terms);
  }

  /** What {@code byName} found, else the {@code kind} of id {@code nameOrId}; neither: a 404 that says how to list them. */
  private static <T> T byNameOrId(String kind, String nameOrId, Optional<T> byName, Function<String, T> byId, String where,
      Terms terms) {
    return byName.orElseGet(() -> {
      try {
        return byId.apply(nameOrId);
      } catch (KfpException e) {
        if (e.status() != 404) {
          throw e;
        }
        throw new KfpException(404, "no " + kind + " named '" + nameOrId + "' or of that id on " + where + "; '"
            + terms.command(kind + "s list") + "' lists them");
      }
    });
  }
}
