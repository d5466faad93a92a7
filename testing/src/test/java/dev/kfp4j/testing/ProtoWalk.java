package dev.kfp4j.testing;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import dev.kfp4j.yaml.Yaml;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Walks the fields of a message of KFP's {@code .proto} files, to set each in a JSON document kfp4j wrote and see that it
 * is written back as set or refused naming it: so that a field KFP adds cannot be lost without a word.
 */
final class ProtoWalk {
  private ProtoWalk() {}

  /** Every field under {@code d}, as the paths of fields to it, but those named in {@code skip}; messages of google.protobuf are values. */
  static List<List<FieldDescriptor>> paths(Descriptor d, List<String> skip) {
    List<List<FieldDescriptor>> out = new ArrayList<>();
    walk(d, List.of(), skip, out);
    return out;
  }

  /** The path as its JSON field names, joined with dots. */
  static String shown(List<FieldDescriptor> path) {
    return String.join(".", path.stream().map(FieldDescriptor::getJsonName).toList());
  }

  private static void walk(Descriptor d, List<FieldDescriptor> path, List<String> skip, List<List<FieldDescriptor>> out) {
    for (FieldDescriptor f : d.getFields()) {
      List<FieldDescriptor> p = new ArrayList<>(path);
      p.add(f);
      if (skip.contains(shown(p))) {
        continue;
      }
      if (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !f.isMapField()
          && !f.getMessageType().getFullName().startsWith("google.protobuf.") && p.size() < 6) {
        walk(f.getMessageType(), p, skip, out);
      } else {
        out.add(p);
      }
    }
  }

  /** The value of the field at {@code path} of {@code m} (in the first entry of each list on the way), as protobuf reads it. */
  static Object leaf(com.google.protobuf.Message m, List<FieldDescriptor> path) {
    com.google.protobuf.Message at = m;
    for (FieldDescriptor f : path.subList(0, path.size() - 1)) {
      at = (com.google.protobuf.Message) (!f.isRepeated() ? at.getField(f)
          : at.getRepeatedFieldCount(f) > 0 ? at.getRepeatedField(f, 0) : at.newBuilderForType().newBuilderForField(f).build());
    }
    FieldDescriptor leaf = path.get(path.size() - 1);
    return leaf.isRepeated() && !leaf.isMapField() ? (at.getRepeatedFieldCount(leaf) > 0 ? at.getRepeatedField(leaf, 0) : null)
        : at.getField(leaf);
  }

  /** Sets the field at {@code path} (in the first entry of each list on the way) to a value other than it has. */
  static void set(ObjectNode message, List<FieldDescriptor> path) {
    ObjectNode node = message;
    for (FieldDescriptor f : path.subList(0, path.size() - 1)) {
      String name = f.getJsonName();
      if (f.isRepeated()) {
        ArrayNode list = node.has(name) ? (ArrayNode) node.get(name) : node.putArray(name);
        node = list.isEmpty() ? list.addObject() : (ObjectNode) list.get(0);
      } else {
        node = node.has(name) ? (ObjectNode) node.get(name) : node.putObject(name);
      }
    }
    FieldDescriptor leaf = path.get(path.size() - 1);
    String name = leaf.getJsonName();
    JsonNode current = node.get(name);
    if (leaf.isMapField()) {
      ObjectNode map = current == null ? node.putObject(name) : (ObjectNode) current;
      map.put("k2", "v2");
    } else if (leaf.isRepeated()) {
      ArrayNode list = current == null ? node.putArray(name) : (ArrayNode) current;
      JsonNode value = value(leaf, list.isEmpty() ? null : list.get(0));
      if (list.isEmpty()) {
        list.add(value);
      } else {
        list.set(0, value);
      }
    } else {
      node.set(name, value(leaf, current));
    }
  }

  /** A value of {@code f} other than {@code current}, valid where KFP's SDK would write one. */
  private static JsonNode value(FieldDescriptor f, JsonNode current) {
    var nodes = Yaml.nodes();
    String text = current == null ? "" : current.asString("");
    return switch (f.getJavaType()) {
      case BOOLEAN -> nodes.booleanNode(current == null || !current.asBoolean());
      // as KFP's compiler writes a number of the platform document, which goes through a protobuf Struct: 50.0
      case INT -> nodes.numberNode(current == null ? 3.0 : current.asInt() + 1.0);
      case LONG -> nodes.stringNode(current == null ? "7" : Long.toString(Long.parseLong(current.asString()) + 1));
      case DOUBLE, FLOAT -> nodes.numberNode(current == null ? 3.0 : current.asDouble() + 1.0);
      case ENUM -> {
        List<EnumValueDescriptor> values = f.getEnumType().getValues();
        yield nodes.stringNode(values.get(values.size() - 1).getName().equals(text) ? values.get(1).getName()
            : values.get(values.size() - 1).getName());
      }
      case MESSAGE -> switch (f.getMessageType().getFullName()) {
        case "google.protobuf.Struct" -> Yaml.object().put("k", "v");
        case "google.protobuf.Duration" -> nodes.stringNode(text.equals("7s") ? "8s" : "7s");
        default -> nodes.stringNode(text.isEmpty() ? "v" : text + "-2"); // a google.protobuf.Value
      };
      default -> nodes.stringNode(switch (f.getJsonName()) {
        case "resourceCpuLimit", "resourceCpuRequest" -> text.equals("3") ? "4" : "3";
        case "resourceMemoryLimit", "resourceMemoryRequest" -> text.equals("3G") ? "4G" : "3G";
        case "resourceCount" -> text.equals("2") ? "3" : "2";
        case "resourceType" -> text.equals("nvidia.com/gpu") ? "amd.com/gpu" : "nvidia.com/gpu";
        case "medium" -> text.equals("Memory") ? "HugePages" : "Memory";
        case "sizeLimit", "size" -> "2Gi";
        case "fieldPath" -> text.equals("metadata.name") ? "metadata.namespace" : "metadata.name";
        case "operator" -> text.equals("Equal") ? "Exists" : "Equal";
        case "effect" -> text.equals("NoSchedule") ? "NoExecute" : "NoSchedule";
        case "imagePullPolicy" -> text.equals("Always") ? "Never" : "Always";
        case "subPath" -> text.equals("models") ? "logs" : "models"; // a folder within the volume, as Kubernetes requires
        default -> text.isEmpty() ? (f.getJsonName().toLowerCase().contains("path") ? "/v" : "v") : text + "-2";
      });
    };
  }
}
