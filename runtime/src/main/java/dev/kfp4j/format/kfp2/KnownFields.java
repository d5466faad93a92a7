package dev.kfp4j.format.kfp2;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * The fields of a message of KFP's {@code .proto} files (as JSON) that kfp4j reads into its model, and those of the
 * messages in it, by their path from the top ({@code ""}, then {@code retryPolicy}, {@code nodeAffinity.matchExpressions};
 * list entries without an index); a path not listed is a map or a value, not looked into.
 */
record KnownFields(Map<String, Set<String>> read) {
  /** A field not read: where it is ({@code nodeAffinity[0].weight}), and the fields read beside it, in the message at {@code path}. */
  record Unknown(String at, String path, Set<String> known) {
    /** {@code it reads [a, b]}, and {@code of <path>} below the top. */
    String reads() {
      return "it reads " + known + (path.isEmpty() ? "" : " of " + path);
    }
  }

  /** The first field of {@code node} that is not read, or null. */
  Unknown first(JsonNode node) {
    return first(node, "", "");
  }

  private Unknown first(JsonNode node, String path, String at) {
    Set<String> known = read.get(path);
    if (known == null) {
      return null;
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        Unknown u = first(node.get(i), path, at + "[" + i + "]");
        if (u != null) {
          return u;
        }
      }
      return null;
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String fieldAt = at.isEmpty() ? e.getKey() : at + "." + e.getKey();
      if (!known.contains(e.getKey())) {
        return new Unknown(fieldAt, path, new TreeSet<>(known));
      }
      Unknown u = first(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), fieldAt);
      if (u != null) {
        return u;
      }
    }
    return null;
  }
}
