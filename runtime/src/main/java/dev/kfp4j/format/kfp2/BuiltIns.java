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

  /** kfp-kubernetes' descriptions of the inputs of CreatePVC and DeletePVC, which KFP's compiler writes into the components. */
  private static final java.util.Map<String, String> DESCRIPTIONS = java.util.Map.ofEntries(
      java.util.Map.entry("createpvc/access_modes", "Values for ``PersistentVolumeClaim.spec.accessModes``."),
      java.util.Map.entry("createpvc/annotations", "Annotations for the PVC's metadata. Corresponds to\n"
          + "`PersistentVolumeClaim.metadata.annotations\n"
          + "<https://kubernetes.io/docs/reference/kubernetes-api/config-and-storage-resources/persistent-volume-claim-v1/#PersistentVolumeClaim>`_."),
      java.util.Map.entry("createpvc/data_source", "Specifies the data source for the PVC. This can be used to\n"
          + "create a PVC from a VolumeSnapshot or to clone an existing PVC.\n"
          + "Should be a dictionary with ``'apiGroup'``, ``'kind'``, and\n"
          + "``'name'`` keys. For example:\n"
          + "``{'apiGroup': 'snapshot.storage.k8s.io', 'kind': 'VolumeSnapshot', 'name': 'my-snapshot'}``.\n"
          + "Corresponds to `PersistentVolumeClaim.spec.dataSource\n"
          + "<https://kubernetes.io/docs/reference/kubernetes-api/config-and-storage-resources/persistent-volume-claim-v1/#PersistentVolumeClaimSpec>`_."),
      java.util.Map.entry("createpvc/pvc_name", "Name of the PVC. Corresponds to\n"
          + "`PersistentVolumeClaim.metadata.name\n"
          + "<https://kubernetes.io/docs/reference/kubernetes-api/config-and-storage-resources/persistent-volume-claim-v1/#PersistentVolumeClaim>`_.\n"
          + "Only one of ``pvc_name`` and ``pvc_name_suffix`` can be provided."),
      java.util.Map.entry("createpvc/pvc_name_suffix", "Prefix to use for a dynamically generated name, which\n"
          + "will take the form ``<argo-workflow-name>-<pvc_name_suffix>``. Only\n"
          + "one of ``pvc_name`` and ``pvc_name_suffix`` can be provided."),
      java.util.Map.entry("createpvc/size", "The size of storage requested by the PVC that will be\n"
          + "provisioned. For example, ``'5Gi'``. Corresponds to\n"
          + "`PersistentVolumeClaim.spec.resources.requests.storage\n"
          + "<https://kubernetes.io/docs/reference/kubernetes-api/config-and-storage-resources/persistent-volume-claim-v1/#PersistentVolumeClaimSpec>`_."),
      java.util.Map.entry("createpvc/storage_class_name", "Name of StorageClass from which to provision the PV\n"
          + "to back the PVC. ``None`` indicates to use the cluster's default\n"
          + "storage_class_name. Set to ``''`` for a statically specified PVC."),
      java.util.Map.entry("createpvc/volume_name", "Pre-existing PersistentVolume that should back the\n"
          + "provisioned PersistentVolumeClaim. Used for statically\n"
          + "specified PV only. Corresponds to\n"
          + "`PersistentVolumeClaim.spec.volumeName\n"
          + "<https://kubernetes.io/docs/reference/kubernetes-api/config-and-storage-resources/persistent-volume-claim-v1/#PersistentVolumeClaimSpec>`_."),
      java.util.Map.entry("deletepvc/pvc_name", "Name of the PVC to delete. Supports passing a runtime-generated name, such as a name provided by ``kubernetes.CreatePvcOp().outputs['name']``."));

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
    return described("createpvc", c);
  }

  static ObjectNode deletePvc() {
    ObjectNode c = NODES.objectNode();
    c.putObject("inputDefinitions").putObject("parameters").putObject("pvc_name").put("parameterType", "STRING");
    return described("deletepvc", c);
  }

  private static ObjectNode described(String name, ObjectNode c) {
    c.path("inputDefinitions").path("parameters").properties()
        .forEach(p -> ((ObjectNode) p.getValue()).put("description", DESCRIPTIONS.get(name + "/" + p.getKey())));
    return c;
  }
}
