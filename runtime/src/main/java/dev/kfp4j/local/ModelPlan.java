package dev.kfp4j.local;

import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Branches;
import dev.kfp4j.model.Condition;
import dev.kfp4j.model.ImporterStep;
import dev.kfp4j.model.Nodes;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.Task;
import dev.kfp4j.model.RunSetting;
import dev.kfp4j.model.VolumeStep;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What to run, read from the typed pipeline model (a KFP 2 pipeline spec as {@code Kfp2Reader}
 * reads it, an Argo workflow as {@code ArgoReader} does): each list of nodes as a graph whose tasks wait for the siblings holding what they
 * read; a {@link dev.kfp4j.model.Loop} once per item, in an iteration scope of its own (its outputs collected from
 * there, in item order); a {@link Condition} when its {@link dev.kfp4j.model.Predicate} holds,
 * evaluated on the values ({@link ArgumentValues}); of {@link Branches}, the first branch
 * whose predicate holds; a {@link Task} as a {@link Step} that {@link TaskStepMaker} makes.
 */
final class ModelPlan implements Plan {
  /** A branch of an if / else-if / else chain, which runs when its effective predicate holds. */
  private record Branch(Branches chain, int index) {}

  /**
   * Groups the format made around one task ({@code groups}, outermost first: a loop, then a
   * condition), run and shown as that task: once per item, when the conditions hold.
   */
  private record Folded(List<dev.kfp4j.model.Node> groups, Task task) {}

  /** The deletion of volume step {@code volume}'s claim (KFP 2's {@code deletepvc}), a node beside the volume step. */
  private record ClaimDeletion(VolumeStep volume) {}

  private final Pipeline pipeline;
  private final Map<String, String> parameters;
  private final ArgumentValues values;
  private final TaskSteps steps;
  private final Path runDir;
  private final TaskFolders folders;
  /** Each node's name to the nodes holding it, outermost first, itself last. */
  private final Map<String, List<Object>> ancestry = new HashMap<>();
  private final Map<List<?>, Graph> graphs = java.util.Collections.synchronizedMap(new IdentityHashMap<>());
  /** The names of the groups that run as the one task they hold ({@link Folded}). */
  private final Set<String> stepGroups;
  /** Whether the pipeline was read from a KFP 2 spec. */
  private final boolean kfp2;
  private final TaskStepMaker tasks;
  /** The conditions that are an Argo loop task's own {@code when} ({@link ArgoItemTexts#items}). */
  private final Set<String> loopWhens;

  /** {@code stepGroups}: the groups made around one task, run as that task; {@code loopWhens}: Argo loop tasks' own whens. */
  ModelPlan(Pipeline pipeline, Map<String, String> parameters, RunValues run, TaskSteps steps, Path runDir, Set<String> stepGroups,
      Set<String> loopWhens) {
    this.pipeline = pipeline;
    this.stepGroups = stepGroups;
    this.loopWhens = loopWhens;
    this.kfp2 = run.kfp2();
    this.parameters = parameters;
    Map<String, dev.kfp4j.spec.ComponentSpec> components = new HashMap<>();
    pipeline.steps().forEach(s -> {
      if (s instanceof Task t) {
        components.put(t.name(), t.component());
      }
    });
    Set<String> artifactLoops = new java.util.HashSet<>();
    pipeline.allNodes().forEach(n -> {
      if (n instanceof dev.kfp4j.model.Loop l && pipeline.overArtifacts(l)) {
        artifactLoops.add(l.name());
      }
    });
    this.values = new ArgumentValues(parameters, run, (task, output) -> components.containsKey(task)
        ? steps.outputName(components.get(task), output) : output, artifactLoops);
    this.steps = steps;
    this.runDir = runDir;
    this.folders = new TaskFolders(runDir, pipeline.settings().workspace() != null);
    this.tasks = new TaskStepMaker(pipeline, values, components, steps, folders, kfp2);
    index(pipeline.nodes(), List.of());
    if (pipeline.exitTask() != null) {
      ancestry.put(pipeline.exitTask().name(), List.of(pipeline.exitTask()));
    }
    if (pipeline.exitPipeline() != null) {
      index(pipeline.exitPipeline().nodes(), List.of());
    }
  }

  private void index(List<dev.kfp4j.model.Node> nodes, List<Object> chain) {
    for (dev.kfp4j.model.Node n : nodes) {
      List<Object> own = new ArrayList<>(chain);
      own.add(n);
      ancestry.put(n.name(), own);
      if (n instanceof Branches b) {
        for (int i = 0; i < b.branches().size(); i++) {
          List<Object> branch = new ArrayList<>(own);
          branch.add(b.branches().get(i));
          ancestry.put(b.branches().get(i).name(), branch);
          index(b.branches().get(i).body(), branch);
        }
      } else {
        index(Nodes.body(n), own);
      }
    }
  }

  @Override
  public Graph main() {
    return graph("root", pipeline.nodes());
  }

  @Override
  public Scope mainScope() {
    return new Scope(parameters, Map.of());
  }

  @Override
  public Map<String, String> outputs(Scope scope) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    pipeline.outputs().forEach((name, a) -> {
      try {
        out.put(name, values.pipelineOutput(a, scope, "pipeline output '" + name + "'"));
      } catch (WorkflowException notGiven) {
        // its task failed or did not run: the output is left out, as KFP leaves it unset
      }
    });
    return out;
  }

  @Override
  public Graph exitHandler() {
    if (pipeline.exitPipeline() != null) { // its nodes, run as the exit task's graph
      return graph("exit-handler", pipeline.exitPipeline().nodes());
    }
    Task exit = pipeline.exitTask();
    return exit == null ? null : new Graph("exit-handler", List.of(new Node(exit.name(), exit.component().name(), List.of(), exit)));
  }

  /** A list of sibling nodes as a graph: each waits for the siblings that hold what it (or anything in it) reads or waits for. */
  private Graph graph(String name, List<?> siblings) {
    return graphs.computeIfAbsent(siblings, k -> {
      Set<Object> here = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
      here.addAll(siblings);
      List<Node> nodes = new ArrayList<>();
      for (Object o : siblings) {
        dev.kfp4j.model.Node n = o instanceof Branch b ? b.chain().branches().get(b.index()) : (dev.kfp4j.model.Node) o;
        Folded folded = fold(n);
        Set<String> deps = new LinkedHashSet<>();
        Nodes.walk(List.of(n), m -> {
          if (m instanceof dev.kfp4j.model.Step s) {
            Nodes.upstream(s).forEach(u -> deps.add(sibling(u, here)));
          }
          for (Argument a : Nodes.groupArguments(m)) {
            for (String producer : producers(a)) {
              deps.add(sibling(producer, here));
            }
          }
        });
        deps.remove(null);
        deps.remove(shownName(n));
        nodes.add(folded != null ? new Node(folded.task().name(), template(folded.task()), List.copyOf(deps), folded)
            : new Node(n.name(), template(n), List.copyOf(deps), o));
        if (n instanceof VolumeStep v && deleted(v)) {
          Set<String> after = new LinkedHashSet<>();
          ClaimSteps.deletionAfter(pipeline, v).forEach(u -> after.add(sibling(u, here)));
          after.remove(null);
          nodes.add(new Node(v.deletion().name(), ClaimSteps.DELETE_TEMPLATE, List.copyOf(after), new ClaimDeletion(v)));
        }
      }
      return new Graph(name, List.copyOf(nodes));
    });
  }

  /** The name of the node among {@code siblings} that holds node {@code name}, or null. */
  private String sibling(String name, Set<Object> siblings) {
    for (Object o : ancestry.getOrDefault(name, List.of())) {
      if (siblings.contains(o)) {
        return o instanceof dev.kfp4j.model.Node n ? shownName(n) : null;
      }
    }
    return null;
  }

  /** A group made around one task, as that task with its groups; null for any other node. */
  private Folded fold(dev.kfp4j.model.Node n) {
    List<dev.kfp4j.model.Node> groups = new ArrayList<>();
    dev.kfp4j.model.Node at = n;
    while ((at instanceof dev.kfp4j.model.Loop || at instanceof Condition) && stepGroups.contains(at.name())
        && Nodes.body(at).size() == 1) {
      groups.add(at);
      at = Nodes.body(at).get(0);
    }
    return !groups.isEmpty() && at instanceof Task t ? new Folded(List.copyOf(groups), t) : null;
  }

  /** The name a node runs under: a folded group's task's, else its own. */
  private String shownName(dev.kfp4j.model.Node n) {
    Folded f = fold(n);
    return f != null ? f.task().name() : n.name();
  }

  private static List<String> producers(Argument a) {
    if (a instanceof Argument.TaskOutput o) {
      return List.of(o.task());
    }
    if (a instanceof Argument.OneOf o) {
      return o.outputs().stream().map(Argument.TaskOutput::task).toList();
    }
    return a instanceof Argument.Collected c ? List.of(c.task()) : List.of();
  }

  private static String template(dev.kfp4j.model.Node n) {
    if (n instanceof ImporterStep) {
      return "importer";
    }
    if (n instanceof VolumeStep) {
      return "volume";
    }
    return n instanceof Task t ? t.component().name() : n.name();
  }

  @Override
  public Plan.Loop loop(Node node, Scope scope) {
    Object held = node.source() instanceof Folded f ? f.groups().get(0) : node.source();
    if (!(held instanceof dev.kfp4j.model.Loop loop)) {
      return null;
    }
    List<JsonNode> items = new ArrayList<>();
    if (pipeline.overArtifacts(loop)) {
      return artifactLoop(loop, scope);
    }
    if (loop.items() instanceof dev.kfp4j.model.Loop.Constants constants) {
      for (Argument.Constant c : constants.values()) {
        items.add(kfp2 ? ArgumentValues.json(c.text(), c.type()) : ArgoItemTexts.constant(c));
      }
    } else {
      Argument source = ((dev.kfp4j.model.Loop.Over) loop.items()).source();
      String where = node.source() instanceof Folded ? "task '" + node.name() + "'" : "loop '" + loop.name() + "'";
      String text = values.value(source, scope, where);
      Condition own = loop.body().size() == 1 && loop.body().get(0) instanceof Condition c && loopWhens.contains(c.name()) ? c : null;
      List<JsonNode> read = kfp2 ? ArgumentValues.list(text, where) : ArgoItemTexts.items(text, where, own, values, scope);
      if (read == null) { // Argo's expandTask
        return Plan.Loop.skipped("its items are not a JSON list, and its when, which Argo then tests without them, is false");
      }
      items.addAll(read);
    }
    // Argo skips a task whose withParam has no items (executeDAGTask: "Skipped, empty params")
    return new Plan.Loop(items, loop.parallelism(), null, !kfp2);
  }

  /**
   * A loop over a list of artifacts: one item per artifact that the loop it reads collected, in the order of that loop's
   * items, as {@code kfp.local} iterates an {@code artifactIterator}; each shown by the folder of the task that wrote it.
   */
  private Plan.Loop artifactLoop(dev.kfp4j.model.Loop loop, Scope scope) {
    Argument source = ((dev.kfp4j.model.Loop.Over) loop.items()).source();
    if (!(source instanceof Argument.Collected c)) { // a pipeline's artifact parameter: refused before the run (checkRunnable)
      throw new WorkflowException("loop '" + loop.name() + "' iterates over " + source + ", which the local runner cannot be given");
    }
    List<JsonNode> items = new ArrayList<>();
    List<String> shown = new ArrayList<>();
    for (OutputArtifact a : values.files(c, scope)) {
      items.add(ArgumentValues.artifactItem(a));
      // the folder of the task that wrote it, for-loop-1(0)_train, short enough for a label
      shown.add(a.path().startsWith(runDir) && !a.path().equals(runDir) ? runDir.relativize(a.path()).getName(0).toString() : a.uri());
    }
    return new Plan.Loop(items, loop.parallelism(), shown);
  }

  @Override
  public String skipReason(Node node, Scope scope, JsonNode item) {
    if (node.source() instanceof Folded f) {
      Scope inner = inner(f, scope, item);
      for (dev.kfp4j.model.Node g : f.groups()) {
        if (g instanceof Condition c && c.predicate() != null && !values.holds(c.predicate(), inner, "condition '" + c.name() + "'")) {
          return "condition " + values.shown(c.predicate(), inner, "condition '" + c.name() + "'") + " is false";
        }
      }
      return null;
    }
    dev.kfp4j.model.Predicate predicate = null;
    if (node.source() instanceof Condition c) {
      predicate = c.predicate();
    } else if (node.source() instanceof Branch b) {
      predicate = b.chain().effectivePredicate(b.index());
    }
    if (predicate == null) {
      return null;
    }
    String where = "condition '" + node.name() + "'";
    return values.holds(predicate, scope, where) ? null : "condition " + values.shown(predicate, scope, where) + " is false";
  }

  @Override
  public Work work(Node node, Scope scope, JsonNode item, TaskId id) {
    Object source = node.source();
    if (source instanceof Folded f) {
      return tasks.step(f.task(), inner(f, scope, item), id);
    }
    if (source instanceof dev.kfp4j.model.Loop loop) {
      return new SubGraph(graph(loop.name(), loop.body()), scope.iteration(loop.name(), id.order(), item));
    }
    if (source instanceof Condition c) {
      return new SubGraph(graph(c.name(), c.body()), scope);
    }
    if (source instanceof Branch b) {
      Condition c = b.chain().branches().get(b.index());
      return new SubGraph(graph(c.name(), c.body()), scope);
    }
    if (source instanceof Branches chain) {
      List<Branch> branches = new ArrayList<>();
      for (int i = 0; i < chain.branches().size(); i++) {
        branches.add(new Branch(chain, i));
      }
      return new SubGraph(branchGraph(chain, branches), scope);
    }
    if (source instanceof ImporterStep importer) {
      return importer(importer, scope, id);
    }
    if (source instanceof VolumeStep volume) {
      String where = "volume '" + volume.name() + "'";
      String claim = ClaimSteps.claim(volume, id, values.value(new Argument.RunValue(Argument.RunValue.Kind.RUN_NAME), scope, where));
      return ClaimSteps.step(volume, claim, steps.claimFolder(claim, where), values.value(volume.size(), scope, where + " size"), id,
          folders.of(id.id()), steps.javaMode(), deleted(volume));
    }
    if (source instanceof ClaimDeletion d) {
      VolumeStep volume = d.volume();
      String where = "volume deletion '" + node.name() + "'";
      String claim = ClaimSteps.claim(volume, id, values.value(new Argument.RunValue(Argument.RunValue.Kind.RUN_NAME), scope, where));
      int last = id.id().lastIndexOf('/');
      String volumeId = last < 0 ? volume.name() : id.id().substring(0, last + 1) + volume.name(); // its sibling
      Path folder = steps.claimFolder(claim, where);
      return ClaimSteps.deletion(volume, claim, folder, folder.getParent(), folders.of(volumeId), id,
          folders.of(id.id()), steps.javaMode());
    }
    return tasks.step((Task) source, scope, id);
  }

  /** Whether the run deletes the claim of {@code v}: when the model names its deletion, in either format. */
  private static boolean deleted(VolumeStep v) {
    return v.deletion() != null;
  }

  /** An importer's step: the file or folder at its URI, copied into its folder, with its metadata's values. */
  private Step importer(ImporterStep importer, Scope scope, TaskId id) {
    String where = "importer '" + importer.name() + "'";
    Map<String, String> given = new LinkedHashMap<>();
    importer.arguments().forEach((input, a) -> given.put(input, values.value(a, scope, where + " input '" + input + "'")));
    return ImportSteps.step(importer, given.remove(ImporterStep.URI), given, id, folders.of(id.id()),
        steps.javaMode());
  }

  @Override
  public boolean runsAsExitHook(Node node) {
    return kfp2 && runsAfterFailure(node);
  }

  @Override
  public boolean hooks(Node dep) { // none on a loop (iteratorTask), a createpvc (no executor) or an importer: dag.go, container.go, importer.go
    Object s = dep.source();
    return !(s instanceof VolumeStep || s instanceof ImporterStep || s instanceof dev.kfp4j.model.Loop
        || s instanceof Folded f && f.groups().get(0) instanceof dev.kfp4j.model.Loop);
  }

  @Override
  public boolean runsAfterFailure(Node node) {
    Object source = node.source();
    if (source instanceof ClaimDeletion d) {
      return d.volume().deletion().whateverHappened();
    }
    Task task = source instanceof Folded f ? f.task() : source instanceof Task t ? t : null;
    return task != null && RunSetting.afterFailure(task);
  }

  @Override
  public Prelaunch prelaunch(Node node, TaskId id) {
    Object source = node.source();
    Task task = source instanceof Folded f && !(f.groups().get(0) instanceof dev.kfp4j.model.Loop) ? f.task()
        : source instanceof Task t ? t : null;
    return task == null ? null : steps.prelaunch(task, folders.of(id.id()));
  }

  /** What a folded task sees: its loop's item, when it is in one. */
  private static Scope inner(Folded f, Scope scope, JsonNode item) {
    return f.groups().get(0) instanceof dev.kfp4j.model.Loop loop ? scope.withItem(loop.name(), item) : scope;
  }

  private final Map<Branches, Graph> branchGraphs = new java.util.concurrent.ConcurrentHashMap<>();

  private Graph branchGraph(Branches chain, List<Branch> branches) {
    return branchGraphs.computeIfAbsent(chain, c -> {
      List<Node> nodes = new ArrayList<>();
      for (Branch b : branches) {
        Condition cond = chain.branches().get(b.index());
        nodes.add(new Node(cond.name(), cond.name(), List.of(), b));
      }
      return new Graph(chain.name(), List.copyOf(nodes));
    });
  }
}
