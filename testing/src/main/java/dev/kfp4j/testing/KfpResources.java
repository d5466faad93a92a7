package dev.kfp4j.testing;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.kfp4j.yaml.Yaml;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks the Kubernetes resources of KFP's Kubernetes pipeline store ({@code Pipeline}, {@code
 * PipelineVersion} of {@code pipelines.kubeflow.org/v2beta1}) as a cluster would take them: each
 * against its custom resource definition's {@code openAPIV3Schema} (KFP's, in {@code kfp-crds/}),
 * stricter than Kubernetes (no unknown field where the schema lists them), its name as Kubernetes
 * takes one, and a version as KFP's webhook takes it: a spec that parses strictly as KFP's
 * {@code .proto} messages ({@link Kfp2Schemas}, which needs {@code ../shared}), whose pipeline name
 * KFP's API server takes.
 */
public final class KfpResources {
  private static final String API_VERSION = "pipelines.kubeflow.org/v2beta1";
  private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern PIPELINE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,127}");
  private static final Map<String, Schema> SCHEMAS = new HashMap<>();

  private KfpResources() {}

  /** What a cluster with KFP would refuse in {@code yaml}, resources of its Kubernetes pipeline store; empty when none. */
  public static List<String> errors(String yaml) {
    List<String> errors = new ArrayList<>();
    List<JsonNode> docs = Yaml.readAll(yaml);
    if (docs.isEmpty()) {
      errors.add("no resource");
    }
    for (JsonNode r : docs) {
      String kind = r.path("kind").asString("");
      String where = kind + " " + r.path("metadata").path("name").asString("(no name)");
      if (!API_VERSION.equals(r.path("apiVersion").asString("")) || !(kind.equals("Pipeline") || kind.equals("PipelineVersion"))) {
        errors.add(where + ": not a Pipeline or PipelineVersion of " + API_VERSION);
        continue;
      }
      schema(kind).validate(r).forEach((Error e) -> errors.add(where + ": " + e));
      String name = r.path("metadata").path("name").asString("");
      if (name.length() > 253 || !SUBDOMAIN.matcher(name).matches()) {
        errors.add(where + ": metadata.name is no DNS-1123 subdomain");
      }
      JsonNode ns = r.path("metadata").path("namespace");
      if (!ns.isMissingNode() && (ns.asString("").length() > 63 || !LABEL.matcher(ns.asString("")).matches())) {
        errors.add(where + ": metadata.namespace is no DNS-1123 label");
      }
      if (kind.equals("PipelineVersion")) {
        version(r.path("spec"), where, errors);
      }
    }
    return errors;
  }

  /** Fails with every problem {@link #errors} finds in {@code yaml}, named {@code name}. */
  public static void assertValid(String yaml, String name) {
    List<String> errors = errors(yaml);
    if (!errors.isEmpty()) {
      throw new AssertionError(name + " would be refused by a cluster with KFP:\n  " + String.join("\n  ", errors));
    }
  }

  private static void version(JsonNode spec, String where, List<String> errors) {
    String pipeline = spec.path("pipelineName").asString("");
    if (pipeline.isEmpty()) {
      errors.add(where + ": no spec.pipelineName; KFP's webhook looks the version's pipeline up by it");
    }
    String specName = spec.path("pipelineSpec").path("pipelineInfo").path("name").asString("");
    if (!PIPELINE_NAME.matcher(specName).matches()) {
      errors.add(where + ": the spec's pipelineInfo.name '" + specName + "' is not one KFP's API server takes");
    }
    StringBuilder file = new StringBuilder(Yaml.write(spec.path("pipelineSpec"), null));
    if (spec.has("platformSpec")) {
      file.append("---\n").append(Yaml.write(spec.get("platformSpec"), null));
    }
    Kfp2Schemas.errors(file.toString()).forEach(e -> errors.add(where + ": spec.pipelineSpec: " + e));
  }

  private static synchronized Schema schema(String kind) {
    return SCHEMAS.computeIfAbsent(kind, k -> {
      String file = "dev/kfp4j/testing/kfp-crds/pipelines.kubeflow.org_" + k.toLowerCase() + "s.yaml";
      JsonNode crd = Yaml.read(Yaml.resource(KfpResources.class, file));
      JsonNode schema = null;
      for (JsonNode v : crd.path("spec").path("versions")) {
        if (v.path("name").asString("").equals("v2beta1")) {
          schema = v.path("schema").path("openAPIV3Schema");
        }
      }
      if (schema == null) {
        throw new IllegalStateException(file + " has no v2beta1 schema");
      }
      ObjectNode strict = (ObjectNode) schema.deepCopy();
      strict(strict);
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(strict);
    });
  }

  /** Every object schema listing its properties refuses others, unless it keeps unknown fields as Kubernetes' extension says. */
  private static void strict(JsonNode node) {
    if (node instanceof ObjectNode o) {
      if (o.has("properties") && !o.has("additionalProperties") && !o.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
        o.put("additionalProperties", false);
      }
      o.forEach(KfpResources::strict);
    } else if (node.isArray()) {
      node.forEach(KfpResources::strict);
    }
  }
}
