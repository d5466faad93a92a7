package dev.kfp4j.format.argo;

import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Channels;
import dev.kfp4j.model.Loop;
import java.util.function.Function;

/**
 * The name of the template input that passes a loop's item, or a field of it, into a group, as KFP 1.8's compiler names
 * it ({@code _for_loop.LoopArguments}): {@code loop-item-param-1} for the item of a loop over constant items ({@link
 * Channels#loopItemParam}), {@code <list>-loop-item} for the item of a loop over a list, the list named as the workflow
 * passes it ({@code loop_parameter-loop-item} over pipeline parameter {@code loop_parameter}, {@code
 * produce-list-Output-loop-item} over task {@code produce-list}'s output {@code Output}, {@code
 * loop-item-param-1-subvar-xs-loop-item} over field {@code xs} of an outer loop's item), and {@code <item>-subvar-<field>}
 * for a field of an item ({@code loop-item-param-1-subvar-a}).
 */
final class ItemNames {
  private final Scopes scopes;
  private final Function<Argument.TaskOutput, String> argoOutput;

  /** Names the items of the loops {@code scopes} holds; {@code argoOutput} gives the Argo name of a task's output. */
  ItemNames(Scopes scopes, Function<Argument.TaskOutput, String> argoOutput) {
    this.scopes = scopes;
    this.argoOutput = argoOutput;
  }

  /** KFP 1.8's name of {@code item}: the whole item's, with {@code -subvar-<field>} for a field. */
  String of(Argument.LoopItem item) {
    String whole = whole(item.loop());
    return item.field() == null ? whole : whole + "-subvar-" + item.field();
  }

  private String whole(String loop) {
    Loop l = scopes.loop(loop);
    if (l == null || !(l.items() instanceof Loop.Over over)) {
      return Channels.loopItemParam(loop);
    }
    return list(over.source(), loop) + "-loop-item";
  }

  /** The name KFP 1.8 gives the list a loop runs over: a parameter's, {@code <task>-<output>}, an outer item's. */
  private String list(Argument source, String loop) {
    if (source instanceof Argument.PipelineParameter p) {
      return p.name();
    }
    if (source instanceof Argument.TaskOutput o) {
      return o.task() + "-" + argoOutput.apply(o);
    }
    if (source instanceof Argument.LoopItem outer) {
      return of(outer);
    }
    return loop; // a list kfp4j writes no Argo loop over (collected outputs): a name of its own
  }
}
