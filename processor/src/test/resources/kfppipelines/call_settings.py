# Written for kfp4j's PipelineFileCallTest: compiled with KFP SDK 2.15.2 (python call_settings.py), it writes
# echo_message.yaml, a pipeline of two container tasks, and call_settings.yaml, a pipeline calling it loaded from that file
# with the settings KFP takes on a loaded pipeline's task.
from kfp import compiler, components, dsl


@dsl.container_component
def echo(msg: str):
    return dsl.ContainerSpec(image='alpine', command=['echo'], args=[msg])


@dsl.pipeline(name='echo-message', description='Echoes a message, then says done.')
def echo_message(msg: str = 'hi'):
    said = echo(msg=msg)
    echo(msg='done').after(said)


compiler.Compiler().compile(echo_message, 'echo_message.yaml')
loaded = components.load_component_from_file('echo_message.yaml')


@dsl.pipeline(name='call-settings')
def call_settings():
    loaded(msg='x').set_display_name('Shown').set_caching_options(False)
    loaded(msg='y').set_caching_options(True, cache_key='v2')
    loaded(msg='z')


compiler.Compiler().compile(call_settings, 'call_settings.yaml')
