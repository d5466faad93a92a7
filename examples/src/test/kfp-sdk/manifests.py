"""Loads each KFP 2 pipeline file given with KFP's SDK and compiles it again as Kubernetes manifests.

Usage: python manifests.py OUT_DIR FILE...
Writes OUT_DIR/<file name>: the Pipeline and its PipelineVersion, named '<pipeline>-v2', in namespace 'team-a', the other
names KFP's defaults; or prints 'FAILED <file>: <error>' and goes on; exit code 1 when any failed.
"""
import os
import sys

from kfp import compiler, components
from kfp.compiler import KubernetesManifestOptions

out, files = sys.argv[1], sys.argv[2:]
failed = False
for f in files:
    try:
        pipeline = components.load_component_from_file(f)
        options = KubernetesManifestOptions(pipeline_version_name=pipeline.name + '-v2', namespace='team-a',
                                            include_pipeline_manifest=True)
        compiler.Compiler().compile(pipeline, os.path.join(out, os.path.basename(f)), kubernetes_manifest_format=True,
                                    kubernetes_manifest_options=options)
    except Exception as e:  # every file is tried; the test names each that failed
        print(f'FAILED {f}: {e!r}')
        failed = True
sys.exit(1 if failed else 0)
