package dev.kfp4j.format.kfp2;

import dev.kfp4j.format.Documents;
import dev.kfp4j.format.FormatException;
import dev.kfp4j.yaml.BlockYaml;
import dev.kfp4j.yaml.Yaml;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A KFP 2 pipeline spec as the Kubernetes resources KFP keeps pipelines in when it stores them in
 * Kubernetes ({@code pipelines.kubeflow.org/v2beta1}): a {@code PipelineVersion} holding the spec
 * (and its platform document), after a {@code Pipeline} when asked. Written as KFP's compiler writes
 * them with {@code kubernetes_manifest_format=True}: the same defaults, documents and keys, sorted;
 * for {@code kubectl apply} or a GitOps tool. Names are checked as Kubernetes and KFP's webhook check
 * them, so a file written here is not refused for its names.
 */
public final class KubernetesManifests {
  static final String API_VERSION = "pipelines.kubeflow.org/v2beta1";
  /** A Kubernetes object's name: a DNS-1123 subdomain. */
  private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final String SUBDOMAIN_RULE = "lowercase letters, digits, '-' and '.', starting and ending with a letter or digit";
  /** A namespace: a DNS-1123 label. */
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final String LABEL_RULE = "lowercase letters, digits and '-', starting and ending with a letter or digit";
  /** What KFP's API server takes as the spec's pipeline name ({@code common.ValidatePipelineName}). */

  private KubernetesManifests() {}

  /**
   * Names of the resources, each null for KFP's default, as KFP's {@code KubernetesManifestOptions}
   * takes them.
   *
   * @param pipeline the {@code Pipeline}'s name, which the version names (default: the spec's
   *     {@code pipelineInfo.name})
   * @param displayName the {@code Pipeline}'s display name (default: {@code pipeline})
   * @param version the {@code PipelineVersion}'s name (default: {@code pipeline})
   * @param versionDisplayName its display name (default: {@code version}, as KFP's compiler has it)
   * @param namespace the namespace of both (default: none, the one {@code kubectl} applies to)
   * @param includePipeline whether to write the {@code Pipeline} too, before its version; a
   *     pipeline's first version needs it, and KFP refuses a version of a pipeline that is not there
   */
  public record Names(String pipeline, String displayName, String version, String versionDisplayName, String namespace,
      boolean includePipeline) {
    /** KFP's defaults throughout, without the {@code Pipeline}. */
    public static Names defaults() {
      return new Names(null, null, null, null, null, false);
    }
  }

  /**
   * The resources of the KFP 2 pipeline spec {@code specYaml} (one document, or two with its
   * platform document), as YAML; a header of {@code header} lines (null for none) as {@code #}
   * comments.
   *
   * @throws FormatException when {@code specYaml} is no KFP 2 pipeline spec, or a name is one
   *     Kubernetes or KFP refuses, saying which and why
   */
  public static String write(String specYaml, Names names, String header) {
    List<JsonNode> docs = Yaml.readAll(specYaml);
    if (docs.isEmpty() || docs.size() > 2 || !docs.get(0).path("pipelineInfo").path("name").isString() || !docs.get(0).has("root")) {
      throw new FormatException("not a KFP 2 pipeline spec: expected a document with pipelineInfo.name and root, and at most its platform document");
    }
    JsonNode spec = docs.get(0);
    String specName = spec.path("pipelineInfo").path("name").asString();
    check(dev.kfp4j.spec.Names.KFP_PIPELINE_NAME, 128, specName, "the pipeline spec's name (pipelineInfo.name)", "KFP's API server",
        "lowercase letters, digits and '-', starting with a letter or digit");
    String pipeline = or(names.pipeline(), specName);
    String version = or(names.version(), pipeline);
    check(SUBDOMAIN, 253, pipeline, "the pipeline's name", "Kubernetes", SUBDOMAIN_RULE);
    check(SUBDOMAIN, 253, version, "the version's name", "Kubernetes", SUBDOMAIN_RULE);
    if (names.namespace() != null) {
      check(LABEL, 63, names.namespace(), "the namespace", "Kubernetes", LABEL_RULE);
    }
    String displayName = or(names.displayName(), pipeline);
    String description = or(spec.path("pipelineInfo").path("description").asString(null), null); // none when empty
    StringBuilder out = new StringBuilder();
    if (names.includePipeline()) {
      ObjectNode p = resource("Pipeline", pipeline, names.namespace());
      ObjectNode s = p.putObject("spec").put("displayName", displayName);
      if (description != null) {
        s.put("description", description);
      }
      out.append(BlockYaml.writeSorted(p, header)).append("---\n");
    }
    ObjectNode v = resource("PipelineVersion", version, names.namespace());
    ObjectNode s = v.putObject("spec")
        .put("displayName", or(names.versionDisplayName(), version))
        .put("pipelineName", pipeline);
    s.set("pipelineSpec", spec);
    if (docs.size() == 2 && !docs.get(1).isEmpty()) {
      s.set("platformSpec", docs.get(1));
    }
    if (description != null) {
      s.put("description", description);
    }
    out.append(BlockYaml.writeSorted(v, names.includePipeline() ? null : header));
    return out.toString();
  }

  /**
   * Whether {@code docs} are resources of KFP's Kubernetes pipeline store: one's {@code apiVersion}
   * is {@value #API_VERSION}, so that {@link #specs} names a resource of another kind among them
   * (another reader would say only that the file holds several documents).
   */
  public static boolean isManifest(List<JsonNode> docs) {
    return docs != null && resources(docs).stream().anyMatch(r -> API_VERSION.equals(r.node().path("apiVersion").asString("")));
  }

  /** A resource of a file, and where it is in a {@code List}: empty for a document of its own, else as {@code items[2]}. */
  private record Resource(JsonNode node, String at) {}

  /**
   * The resources of {@code docs}, with the items of each {@code List} (as {@code kubectl get -o yaml}
   * writes several, {@code apiVersion: v1, kind: List, items: [...]}) in its place, nested ones too,
   * as kubectl reads them; empty documents and items skipped, as kubectl skips them.
   */
  private static List<Resource> resources(List<JsonNode> docs) {
    List<Resource> out = new java.util.ArrayList<>();
    for (int i = 0; i < docs.size(); i++) {
      flatten(docs.get(i), docs.size() > 1 ? "document " + (i + 1) + ", " : "", "", out);
    }
    return out;
  }

  private static void flatten(JsonNode r, String document, String at, List<Resource> out) {
    if (empty(r)) {
      return; // as kubectl skips it: a file ending in '---', or resources concatenated with one between
    }
    if (isList(r)) {
      for (int i = 0; i < r.get("items").size(); i++) {
        flatten(r.get("items").get(i), document, at + (at.isEmpty() ? "" : ".") + "items[" + i + "]", out);
      }
      return;
    }
    out.add(new Resource(r, at.isEmpty() ? "" : document + at));
  }

  /** Whether {@code r} is a Kubernetes {@code List} (kind {@code List}, or a resource's list such as {@code PipelineList}) of items. */
  private static boolean isList(JsonNode r) {
    return r.path("kind").asString("").endsWith("List") && r.path("items").isArray();
  }

  /** Whether {@code doc} is an empty document ({@code ---} with nothing after it, or only comments), which kubectl skips. */
  private static boolean empty(JsonNode doc) {
    return doc == null || doc.isNull() || doc.isMissingNode() || (doc.isObject() && doc.isEmpty());
  }

  /**
   * The KFP 2 pipeline spec each {@code PipelineVersion} of {@code docs} holds, as YAML (its
   * platform document after it), by the version's name; {@code Pipeline}s hold none, the items of a
   * {@code List} are read as documents of their own (a resource there named by its index, such as
   * {@code items[2]}), and empty documents are skipped, as kubectl reads them.
   *
   * @throws FormatException naming {@code source} and the resource, for another kind or API
   *     version, a name Kubernetes or KFP refuses, or a version without {@code pipelineName} or
   *     {@code pipelineSpec}, or whose {@code pipelineSpec} is no KFP 2 pipeline spec, or a
   *     resource there twice (its kind, namespace and name)
   */
  public static java.util.Map<String, String> specs(List<JsonNode> docs, String source) {
    java.util.Map<String, String> specs = new java.util.LinkedHashMap<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Resource resource : resources(docs)) {
      JsonNode r = resource.node();
      String kind = r.path("kind").asString("");
      String name = r.path("metadata").path("name").asString("");
      String where = source + (resource.at().isEmpty() ? "" : ", " + resource.at()) + ": " + (kind.isEmpty() ? "a resource" : kind) + " '"
          + name + "'";
      if (!API_VERSION.equals(r.path("apiVersion").asString("")) || !(kind.equals("Pipeline") || kind.equals("PipelineVersion"))) {
        throw new FormatException(where + " is no Pipeline or PipelineVersion of " + API_VERSION);
      }
      try {
        check(SUBDOMAIN, 253, name, "its name", "Kubernetes", SUBDOMAIN_RULE);
        if (r.path("metadata").has("namespace")) {
          check(LABEL, 63, r.path("metadata").path("namespace").asString(""), "its namespace", "Kubernetes", LABEL_RULE);
        }
      } catch (FormatException e) {
        throw new FormatException(where + ": " + e.getMessage());
      }
      String namespace = r.path("metadata").path("namespace").asString("");
      if (!seen.add(kind + "/" + namespace + "/" + name)) { // kubectl would apply the second over the first
        throw new FormatException(where + " is there twice" + (namespace.isEmpty() ? "" : " in namespace '" + namespace + "'")
            + "; kubectl would apply the second over the first, and KFP's webhook refuses a version whose spec changes: "
            + "give each a name of its own");
      }
      if (kind.equals("PipelineVersion")) {
        JsonNode spec = r.path("spec");
        if (spec.path("pipelineName").asString("").isEmpty() || !spec.path("pipelineSpec").isObject()) {
          throw new FormatException(where + " needs spec.pipelineName, the pipeline it is a version of, and spec.pipelineSpec");
        }
        if (!Kfp2Reader.isPipelineSpec(spec.get("pipelineSpec"))) { // as KFP's webhook reads it: a KFP 2 spec, never a workflow
          throw new FormatException(where + ": its spec.pipelineSpec is no KFP 2 pipeline spec (pipelineInfo and root)");
        }
        String text = Yaml.write(spec.get("pipelineSpec"), null);
        if (spec.path("platformSpec").isObject()) {
          text += "---\n" + Yaml.write(spec.get("platformSpec"), null);
        }
        specs.put(specs.containsKey(name) ? namespace + "/" + name : name, text); // the same name in two namespaces: both kept
      }
    }
    return specs;
  }

  /**
   * {@code text} as it is, or, when it holds KFP's Kubernetes manifests, the spec of its one {@code
   * PipelineVersion}: what {@code kfp4j run} and {@code kfp4j graph} read from such a file.
   *
   * @throws FormatException naming {@code source} when the manifests hold no version or several, or
   *     {@link #specs} refuses them
   */
  public static String specIn(String text, String source) {
    if (!text.contains(API_VERSION)) {
      return text; // read once, by the file's own reader
    }
    List<JsonNode> docs = Documents.readOrNull(text);
    if (!isManifest(docs)) {
      return text; // not YAML, or another file: its reader says what it is
    }
    java.util.Map<String, String> specs = specs(docs, source);
    if (specs.size() != 1) {
      throw new FormatException(source + ": KFP's Kubernetes manifests of " + (specs.isEmpty() ? "no PipelineVersion"
          : specs.size() + " PipelineVersions " + specs.keySet()) + "; name a file of one version, or the spec file");
    }
    return specs.values().iterator().next();
  }

  private static ObjectNode resource(String kind, String name, String namespace) {
    ObjectNode r = Yaml.object().put("apiVersion", API_VERSION).put("kind", kind);
    ObjectNode metadata = r.putObject("metadata").put("name", name);
    if (namespace != null) {
      metadata.put("namespace", namespace);
    }
    return r;
  }

  private static void check(Pattern pattern, int max, String value, String what, String who, String rule) {
    if (value.length() > max || !pattern.matcher(value).matches()) {
      throw new FormatException(what + " '" + value + "' is not a name " + who + " takes: at most " + max + " characters, " + rule);
    }
  }

  private static String or(String given, String otherwise) {
    return given != null && !given.isEmpty() ? given : otherwise;
  }
}
