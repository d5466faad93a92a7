package dev.kfp4j.processor.javac;

import com.palantir.javapoet.ClassName;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.kfp4j.processor.base.Annotations;
import dev.kfp4j.processor.base.Message;
import dev.kfp4j.processor.base.Position;
import dev.kfp4j.processor.base.Reporter;
import dev.kfp4j.processor.base.Tagged;
import dev.kfp4j.processor.graph.Group;
import dev.kfp4j.processor.graph.PipelineBuilder;
import dev.kfp4j.processor.graph.TaskHandle;
import dev.kfp4j.processor.validation.TypeMapper;
import dev.kfp4j.spec.ComponentSpec;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * One pipeline body being read: where it is, what its variables stand for, and the readers of its
 * statements, tasks, arguments, constants and settings, which share this state.
 */
final class Body {
  final Trees trees;
  final CompilationUnitTree unit;
  final Reporter reporter;
  final PipelineBuilder graph;
  final Function<String, ComponentSpec> specs;
  /**
   * The outputs of the KFP 2 pipeline file at a resource path that are lists of artifacts (KFP's {@code dsl.Collected}), null
   * when the file is no pipeline file: a pipeline file's op's call is a pipeline in a pipeline.
   */
  final Function<String, java.util.Set<String>> pipelineFiles;
  /**
   * Notes the class from the class path that names a file (an op's class, a called pipeline's), whose jar or classes folder
   * holds the file ({@code SpecSource#namedBy}); returns why the file cannot be read from there, or null.
   */
  final java.util.function.BiFunction<String, javax.lang.model.element.TypeElement, String> namedBy;
  final TypeMapper types;
  /** What each task variable ({@code var t = ...}) stands for now. */
  final Map<Element, TaskHandle> taskVariables = new HashMap<>();
  /** Task variables whose task could not be read (an error said why): their uses say nothing more. */
  final Set<Element> failedVariables = new HashSet<>();
  /** The pipeline's parameters that have errors in its signature: what uses them is no mistake of its own. */
  final Set<Element> failedParameters = new HashSet<>();
  /** What each variable made by {@code Dsl.collect} ({@code var xs = Dsl.collect(...)}) stands for. */
  final Map<Element, dev.kfp4j.model.Argument> valueVariables = new HashMap<>();
  /** The call each variable given a pipeline's record ({@code var r = Inner.inner(...)}) stands for: {@code r.total()} is its output. */
  final Map<Element, dev.kfp4j.processor.graph.TaskBuilder> callVariables = new HashMap<>();
  /** Whether the call read now is the pipeline run as the exit task, {@code Dsl.exitHandler(() -> Cleanup.cleanup(...), ...)}. */
  boolean exitPipelineCall;
  /** The text each {@code String} variable given a joined text ({@code String s = "Hello " + name;}) stands for: its initializer. */
  final Map<Element, TreePath> textVariables = new HashMap<>();
  /** The loop each {@code Dsl.forEach} lambda's parameter is the item of. */
  final Map<Element, Group> loopVariables = new HashMap<>();
  /** The loop each variable given a {@code Dsl.forEach} ({@code var loop = Dsl.forEach(...)}) stands for: {@code t.after(loop)} waits for it. */
  final Map<Element, Group> loops = new HashMap<>();

  final Constants constants;
  final CharValues chars;
  final ArgumentReader arguments;
  final TextReader texts;
  final TaskReader tasks;
  final SettingReader settings;
  final StepReader steps;
  final ImporterCalls importers;
  final PipelineCallReader pipelineCalls;
  final CollectedLists collectedLists;

  Body(Trees trees, CompilationUnitTree unit, Reporter reporter, PipelineBuilder graph, Function<String, ComponentSpec> specs,
      Function<String, java.util.Set<String>> pipelineFiles,
      java.util.function.BiFunction<String, javax.lang.model.element.TypeElement, String> namedBy, TypeMapper types) {
    this.trees = trees;
    this.unit = unit;
    this.reporter = reporter;
    this.graph = graph;
    this.specs = specs;
    this.pipelineFiles = pipelineFiles;
    this.namedBy = namedBy;
    this.types = types;
    this.constants = new Constants(this);
    this.chars = new CharValues(this);
    this.arguments = new ArgumentReader(this);
    this.texts = new TextReader(this);
    this.tasks = new TaskReader(this);
    this.settings = new SettingReader(this);
    this.steps = new StepReader(this);
    this.importers = new ImporterCalls(this);
    this.pipelineCalls = new PipelineCallReader(this);
    this.collectedLists = new CollectedLists(this);
  }

  Position at(Tree tree) {
    return new TreePosition(trees, unit, tree);
  }

  void error(Tree tree, Tagged message, Object... args) {
    reporter.error(at(tree), message, args);
  }

  /**
   * Whether javac could not attribute the expression at {@code path}: javac reported that itself,
   * so the body stays silent about it (one mistake, one error), and is marked incomplete.
   */
  boolean erroneous(TreePath path) {
    TypeMirror type = trees.getTypeMirror(path);
    if (type != null && type.getKind() == TypeKind.ERROR) {
      graph.markIncomplete();
      return true;
    }
    return false;
  }

  /**
   * Whether the expression at {@code path} uses a parameter with an error in the pipeline's signature ({@link
   * #failedParameters}): reported there, so the body stays silent about it, and is marked incomplete.
   */
  boolean usesFailedParameter(TreePath path) {
    if (failedParameters.isEmpty()) {
      return false;
    }
    boolean[] uses = {false};
    new com.sun.source.util.TreePathScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(com.sun.source.tree.IdentifierTree tree, Void unused) {
        uses[0] |= failedParameters.contains(trees.getElement(getCurrentPath()));
        return null;
      }
    }.scan(path, null);
    if (uses[0]) {
      graph.markIncomplete();
    }
    return uses[0];
  }

  /**
   * Reports {@code mi} if it calls a {@code @Component} method itself, which runs it while the
   * pipeline is built, and names its op instead; false when it does not.
   */
  boolean componentCall(MethodInvocationTree mi, TreePath path) {
    if (!(trees.getElement(path) instanceof ExecutableElement m) || Annotations.annotation(m, Syntax.COMPONENT) == null) {
      return false;
    }
    ClassName owner = ClassName.get((TypeElement) m.getEnclosingElement());
    error(mi, Message.COMPONENT_CALL, Syntax.firstLine(mi), String.join("_", owner.simpleNames()) + "Ops", m.getSimpleName());
    return true;
  }

  boolean isComponentCall(ExpressionTree e, TreePath path) {
    return Syntax.unwrap(e) instanceof MethodInvocationTree mi && componentCall(mi, Syntax.unwrap(path));
  }
}
