# Compiled with KFP SDK 2.15.2 (python text_stats.py) into examples/src/main/resources/dev/kfp4j/examples/kfp2/text_stats.yaml,
# the KFP 2 pipeline file examples/.../kfp2/ImportedPipelineFile.java imports.
from typing import NamedTuple

from kfp import compiler, dsl
from kfp.dsl import Dataset, Input, Output, OutputPath


@dsl.container_component
def save_text(text: str, data: Output[Dataset]):
    """Writes the text to a file, as it is."""
    return dsl.ContainerSpec(image='busybox:1.36', command=['sh', '-ec', 'mkdir -p "$(dirname "$1")"; printf "%s" "$0" > "$1"'],
                             args=[text, data.path])


@dsl.container_component
def count_words(data: Input[Dataset], words: OutputPath(int)):
    """Counts the words of a text file."""
    return dsl.ContainerSpec(image='busybox:1.36', command=['sh', '-ec', 'mkdir -p "$(dirname "$1")"; n=$(wc -w < "$0"); printf "%s" $n > "$1"'],
                             args=[data.path, words])


@dsl.container_component
def sha256(data: Input[Dataset], digest: OutputPath(str)):
    """Hashes a file with SHA-256."""
    return dsl.ContainerSpec(image='busybox:1.36', command=['sh', '-ec', 'mkdir -p "$(dirname "$1")"; d=$(sha256sum < "$0" | cut -d " " -f 1); printf "%s" "$d" > "$1"'],
                             args=[data.path, digest])


@dsl.pipeline(name='text-stats', description='Saves a text as a dataset, counts its words and hashes it.')
def text_stats(text: str) -> NamedTuple('Outputs', words=int, sha256=str, data=Dataset):
    saved = save_text(text=text)
    counted = count_words(data=saved.outputs['data'])
    hashed = sha256(data=saved.outputs['data'])
    Outputs = NamedTuple('Outputs', words=int, sha256=str, data=Dataset)
    return Outputs(words=counted.outputs['words'], sha256=hashed.outputs['digest'], data=saved.outputs['data'])


if __name__ == '__main__':
    compiler.Compiler().compile(text_stats, 'text_stats.yaml')
