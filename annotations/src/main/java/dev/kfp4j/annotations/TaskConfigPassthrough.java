package dev.kfp4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Which settings of its task a {@link Component} receives in its {@code TaskConfig} parameter
 * ({@code dev.kfp4j.artifacts.TaskConfig}), to forward them to a workload it launches (a Kubeflow
 * Trainer TrainJob, a Spark job), as KFP 2's {@code @dsl.component(task_config_passthroughs=[...])}:
 *
 * <pre>{@code
 * @Component
 * @TaskConfigPassthrough({RESOURCES, KUBERNETES_TOLERATIONS})
 * @TaskConfigPassthrough(value = ENV, applyToTask = true)
 * public static String train(int nodes, TaskConfig config) { ... config.resources() ... }
 * }</pre>
 *
 * <p>A listed field is given to the component in its {@code TaskConfig}, and set on the task's own
 * pod only with {@code applyToTask}; a task of a component with passthroughs may set only the
 * settings of the fields listed (KFP's compiler refuses the others, and so does kfp4j's, on the
 * setting's call). KFP 2 only: a pipeline written for Argo (KFP v1) cannot call such a component.
 *
 * <p>An annotation of its own, repeatable, rather than a member of {@code @Component}: a plain list
 * of fields reads as KFP's list, the fields applied to the task are a second annotation beside it,
 * and {@code @Component} stays what every component needs.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
@Repeatable(TaskConfigPassthrough.List.class)
public @interface TaskConfigPassthrough {
  /** The fields passed through; each field at most once on a method. */
  TaskConfigField[] value();

  /** Whether the fields are also set on the task's own pod ({@code apply_to_task}); by default they are not. */
  boolean applyToTask() default false;

  /** The container of repeated {@link TaskConfigPassthrough}s. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.METHOD)
  @interface List {
    TaskConfigPassthrough[] value();
  }
}
