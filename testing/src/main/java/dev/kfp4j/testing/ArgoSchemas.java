package dev.kfp4j.testing;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.kfp4j.format.argo.ArgoRules;
import dev.kfp4j.yaml.Yaml;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates workflows against Argo's official Workflow JSON schemas in {@code
 * ../shared/schemas/argo/} (v3.3.10, what KFP 1.8 runs on, and v4.0.8). Stricter than Argo: every
 * object with declared properties rejects unknown ones, so a misspelt field fails. Without the
 * shared folder, a test stops as skipped where it asks for the schemas ({@link Shared}).
 */
public final class ArgoSchemas {
  public static final List<String> VERSIONS = List.of("v3.3.10", "v4.0.8");
  private static final Map<String, Schema> SCHEMAS = new LinkedHashMap<>();

  private ArgoSchemas() {}

  private static Schema schema(String version) {
    return schema(version, "io.argoproj.workflow.v1alpha1.Workflow");
  }

  private static synchronized Schema schema(String version, String definition) {
    return SCHEMAS.computeIfAbsent(version + "#" + definition, key -> {
      Path file = Shared.schemas("argo/" + version + "/schema.json");
      ObjectNode root = (ObjectNode) Yaml.json().readTree(file.toFile());
      root.remove("$schema");
      root.remove("$id");
      root.remove("oneOf");
      root.remove("type");
      root.put("$ref", "#/definitions/" + definition);
      strict(root.get("definitions"));
      SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
      return registry.getSchema(root);
    });
  }

  private static void strict(JsonNode definitions) {
    for (JsonNode def : definitions) {
      if (def instanceof ObjectNode o && o.has("properties") && !o.has("additionalProperties")) {
        o.put("additionalProperties", false);
      }
    }
  }

  /** The schema errors of a workflow for each Argo version (the schema only); empty when valid for all. */
  public static List<String> errors(String workflowYaml) {
    JsonNode node = Yaml.read(workflowYaml);
    List<String> errors = new ArrayList<>();
    for (String version : VERSIONS) {
      for (Error e : schema(version).validate(node)) {
        errors.add("argo " + version + ": " + e);
      }
    }
    return errors;
  }

  /**
   * The schema errors of any object of Argo's API, by its definition name (such as
   * {@code io.argoproj.workflow.v1alpha1.WorkflowCreateRequest}), for the given Argo version.
   */
  public static List<String> errors(String version, String definition, JsonNode node) {
    List<String> errors = new ArrayList<>();
    for (Error e : schema(version, definition).validate(node)) {
      errors.add("argo " + version + ": " + e);
    }
    return errors;
  }

  /**
   * Throws an AssertionError listing what Argo would refuse in the workflow: first the submission
   * rules beyond the schema ({@link ArgoRules}, checked everywhere), then the schema errors, which
   * need {@code ../shared} (without it the test is skipped here, after the rules passed).
   */
  public static void assertValid(String workflowYaml, String what) {
    List<String> rules = ArgoRules.errors(Yaml.read(workflowYaml));
    if (!rules.isEmpty()) {
      throw new AssertionError(what + " breaks Argo's submission rules:\n  " + String.join("\n  ", rules));
    }
    List<String> errors = errors(workflowYaml);
    if (!errors.isEmpty()) {
      throw new AssertionError(what + " is not a valid Argo Workflow:\n  " + String.join("\n  ", errors));
    }
  }
}
