import importlib.util, sys
from kfp import compiler
from kfp.compiler import KubernetesManifestOptions
spec = importlib.util.spec_from_file_location("p", "pipeline_with_workspace.py")
m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
func = m.pipeline_with_workspace
compiler.Compiler().compile(func, "spec.yaml")
compiler.Compiler().compile(func, "manifest-defaults.yaml", kubernetes_manifest_format=True)
compiler.Compiler().compile(func, "manifest-named.yaml", kubernetes_manifest_format=True,
    kubernetes_manifest_options=KubernetesManifestOptions(pipeline_name="workspace-demo", pipeline_display_name="Workspace demo",
        pipeline_version_name="workspace-demo-v2", pipeline_version_display_name="Workspace demo, v2", namespace="team-a",
        include_pipeline_manifest=True))
