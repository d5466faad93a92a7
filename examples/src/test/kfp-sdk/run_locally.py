"""Runs a KFP 2 pipeline spec with KFP's local orchestrator (kfp.local) and its Docker runner.

Usage: python run_locally.py SPEC PIPELINE_ROOT ARGUMENTS_JSON OUTPUTS_JSON [ends|fails]
Writes OUTPUTS_JSON: each value output of a task, as kfp.local's orchestrator keeps it for the tasks after it, in the order
given: [[task, output, value], ...], a task named by its key in its DAG (each iteration of a loop adds its own). kfp.local's
own folders are named after components, which tasks of one component share. With "fails", a pipeline one of whose tasks
fails on purpose: kfp.local ends it without raising (raise_on_error=False), and the outputs of the tasks that ran are
written all the same.

podman's Docker API (4.3) answers 500, not 404, for a container it has just removed itself, which the docker package
does not take for NotFound: here a container is not removed by the engine when it ends but by this script once its
exit code is read. The docker package's image list skips an image removed while it lists them. KFP's code runs
unchanged.
"""
import json
import sys

import docker.models.containers as containers

_run = containers.ContainerCollection.run


def _run_kept(self, *args, **kwargs):
    kwargs['auto_remove'] = False
    container = _run(self, *args, **kwargs)
    wait = container.wait

    def wait_and_remove(*a, **kw):
        result = wait(*a, **kw)
        container.remove()
        return result

    container.wait = wait_and_remove
    return container


containers.ContainerCollection.run = _run_kept

import docker.errors as errors  # noqa: E402
import docker.models.images as images  # noqa: E402


def _list_present(self, name=None, all=False, filters=None):
    # the images listed that are still there when each is looked at: one another process removes in between (the
    # tests of a build beside this one) made the docker package's list, which kfp.local calls before each task, fail
    # (podman's own list can fail so too: it is asked again)
    for attempt in range(5):
        try:
            summaries = self.client.api.images(name=name, all=all, filters=filters)
            break
        except errors.APIError:
            if attempt == 4:
                raise
    found = []
    for summary in summaries:
        try:
            found.append(self.get(summary['Id']))
        except errors.ImageNotFound:
            pass
    return found


images.ImageCollection.list = _list_present

from kfp import components, local  # noqa: E402 (after the patch)
from kfp.local import io  # noqa: E402

spec, root, arguments, outputs = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), sys.argv[4]
fails = len(sys.argv) > 5 and sys.argv[5] == 'fails'
kept = []
_put = io.IOStore.put_task_output


def _put_kept(self, task_name, key, value):
    try:
        kept.append([task_name, key, json.loads(json.dumps(value))])
    except TypeError:
        pass  # an artifact, or a list of them
    return _put(self, task_name, key, value)


io.IOStore.put_task_output = _put_kept
local.init(runner=local.DockerRunner(), pipeline_root=root, raise_on_error=not fails)
components.load_component_from_file(spec)(**arguments)
with open(outputs, 'w') as f:
    json.dump(kept, f)
