package dev.kfp4j.format.argo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The {@code {{...}}} variable references in a piece of an Argo Workflow, found as Argo's
 * validation finds them ({@code fasttemplate} with {@code {{} and {@code }}}): every string of the
 * piece, keys left alone. Expression tags ({@code {{=...}}}) and tags that do not start with one
 * of Argo's variable roots are not references Argo checks, and are left out.
 */
final class Tags {
  /** Argo's variable roots ({@code common.GlobalVarValidWorkflowVariablePrefix}), and a bare {@code item}. */
  private static final List<String> ROOTS = List.of("item.", "steps.", "inputs.", "outputs.", "pod.", "workflow.", "tasks.");

  private Tags() {}

  /** A reference and the string it is in; or an unclosed {@code {{} ({@code tag} null) and the rest of its string. */
  record Tag(String tag, String text) {}

  /** The references in every string of {@code node}, in document order. */
  static List<Tag> in(JsonNode node) {
    List<Tag> out = new ArrayList<>();
    collect(node, out);
    return out;
  }

  private static void collect(JsonNode node, List<Tag> out) {
    if (node.isString()) {
      scan(node.asString(), out);
    } else if (node.isArray()) {
      node.forEach(n -> collect(n, out));
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        collect(e.getValue(), out);
      }
    }
  }

  static void scan(String text, List<Tag> out) {
    int from = 0;
    while (true) {
      int start = text.indexOf("{{", from);
      if (start < 0) {
        return;
      }
      int end = text.indexOf("}}", start + 2);
      if (end < 0) {
        out.add(new Tag(null, text.substring(start)));
        return;
      }
      String tag = text.substring(start + 2, end);
      if (checked(tag)) {
        out.add(new Tag(tag, text));
      }
      from = end + 2;
    }
  }

  /** Whether Argo resolves {@code tag} at validation: a simple tag under one of its roots, or {@code item}. */
  static boolean checked(String tag) {
    if (tag.equals("item")) {
      return true;
    }
    for (String root : ROOTS) {
      if (tag.startsWith(root)) {
        return true;
      }
    }
    return false;
  }
}
