package dev.kfp4j.format.kfp2;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The components of kfp-kubernetes' {@code CreatePVC} and {@code DeletePVC}, whose executors
 * ({@code argostub/createpvc}, {@code argostub/deletepvc}) KFP's backend runs itself: their inputs
 * as kfp-kubernetes declares them.
 */
final class BuiltIns {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private BuiltIns() {}

  static ObjectNode createPvc() {
    ObjectNode c = NODES.objectNode();
    ObjectNode in = c.putObject("inputDefinitions").putObject("parameters");
    in.putObject("access_modes").put("parameterType", "LIST");
    in.putObject("annotations").put("parameterType", "STRUCT").put("isOptional", true);
    in.putObject("data_source").put("parameterType", "STRUCT").put("isOptional", true);
    in.putObject("pvc_name").put("parameterType", "STRING").put("isOptional", true);
    in.putObject("pvc_name_suffix").put("parameterType", "STRING").put("isOptional", true);
    in.putObject("size").put("parameterType", "STRING");
    ObjectNode storageClass = in.putObject("storage_class_name").put("parameterType", "STRING").put("isOptional", true);
    storageClass.put("defaultValue", "");
    in.putObject("volume_name").put("parameterType", "STRING").put("isOptional", true);
    c.putObject("outputDefinitions").putObject("parameters").putObject("name").put("parameterType", "STRING");
    return c;
  }

  static ObjectNode deletePvc() {
    ObjectNode c = NODES.objectNode();
    c.putObject("inputDefinitions").putObject("parameters").putObject("pvc_name").put("parameterType", "STRING");
    return c;
  }
}
