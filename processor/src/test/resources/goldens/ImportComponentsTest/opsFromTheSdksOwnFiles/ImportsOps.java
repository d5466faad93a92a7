package test;

import dev.kfp4j.dsl.LongTask;
import dev.kfp4j.dsl.Op;
import dev.kfp4j.dsl.Task;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Generated;

/**
 * Ops of the components imported by {@link Imports}: call them in a {@code @Pipeline} method.
 */
@Generated("dev.kfp4j.processor.Kfp4jProcessor")
public final class ImportsOps {
  private ImportsOps() {
  }

  /**
   * 더하기
   *
   * <p>Component {@code Add}, from {@code add.component.yaml}.
   *
   * @param value1 input {@code value_1}
   * @param value2 input {@code value_2}
   * @return the task that runs component {@code Add};
   *     its output {@link dev.kfp4j.dsl.LongTask#output() output()};
   *     settings such as {@link dev.kfp4j.dsl.Task#after(dev.kfp4j.dsl.Task...) after(...)},
   *     {@link dev.kfp4j.dsl.Task#cpuLimit(String) cpuLimit(...)}, {@link dev.kfp4j.dsl.Task#retries(int) retries(...)}
   *     and {@link dev.kfp4j.dsl.Task#caching(boolean) caching(...)} chain on it
   */
  @Op(
      value = "add",
      spec = "add.component.yaml"
  )
  public static LongTask add(long value1, long value2) {
    return new LongTask("add", new Object[] {"value_1", value1, "value_2", value2});
  }

  /**
   * Exercises every type.
   *
   * <p>Component {@code All types}, from {@code all_types.component.yaml}.
   *
   * @param s input {@code s}
   * @param i input {@code i}
   * @param f input {@code f}
   * @param b input {@code b}
   * @param l input {@code l}
   * @param d input {@code d}
   * @param data input {@code data}
   * @param text input {@code text}
   * @param bin input {@code bin}
   * @param optS optional: null leaves it out
   * @param di optional: null leaves it out
   * @param db optional: null leaves it out
   * @param dl optional: null leaves it out
   * @param dd optional: null leaves it out
   * @param optIn optional: null leaves it out
   * @param untyped optional: null leaves it out
   * @return the task that runs component {@code All types};
   *     its outputs {@link AllTypesTask#model() model()},
   *     {@link AllTypesTask#log() log()},
   *     {@link AllTypesTask#sum() sum()},
   *     {@link AllTypesTask#flag() flag()},
   *     {@link AllTypesTask#items() items()},
   *     {@link AllTypesTask#obj() obj()},
   *     {@link AllTypesTask#name() name()},
   *     {@link AllTypesTask#count() count()},
   *     {@link AllTypesTask#custom() custom()};
   *     settings such as {@link dev.kfp4j.dsl.Task#after(dev.kfp4j.dsl.Task...) after(...)},
   *     {@link dev.kfp4j.dsl.Task#cpuLimit(String) cpuLimit(...)}, {@link dev.kfp4j.dsl.Task#retries(int) retries(...)}
   *     and {@link dev.kfp4j.dsl.Task#caching(boolean) caching(...)} chain on it
   */
  @Op(
      value = "all-types",
      spec = "all_types.component.yaml"
  )
  public static AllTypesTask allTypes(String s, long i, double f, boolean b, List<?> l,
      Map<String, ?> d, Path data, Path text, Path bin, String optS, Long di, Boolean db,
      List<?> dl, Map<String, ?> dd, Path optIn, String untyped) {
    return new AllTypesTask(new Object[] {"s", s, "i", i, "f", f, "b", b, "l", l, "d", d, "data", data, "text", text, "bin", bin, "opt_s", optS, "di", di, "db", db, "dl", dl, "dd", dd, "opt_in", optIn, "untyped", untyped});
  }

  /**
   * Exercises every type.
   *
   * <p>Component {@code All types}, from {@code all_types.component.yaml}; optional inputs left out.
   *
   * @param s input {@code s}
   * @param i input {@code i}
   * @param f input {@code f}
   * @param b input {@code b}
   * @param l input {@code l}
   * @param d input {@code d}
   * @param data input {@code data}
   * @param text input {@code text}
   * @param bin input {@code bin}
   * @return the task that runs component {@code All types};
   *     its outputs {@link AllTypesTask#model() model()},
   *     {@link AllTypesTask#log() log()},
   *     {@link AllTypesTask#sum() sum()},
   *     {@link AllTypesTask#flag() flag()},
   *     {@link AllTypesTask#items() items()},
   *     {@link AllTypesTask#obj() obj()},
   *     {@link AllTypesTask#name() name()},
   *     {@link AllTypesTask#count() count()},
   *     {@link AllTypesTask#custom() custom()};
   *     settings such as {@link dev.kfp4j.dsl.Task#after(dev.kfp4j.dsl.Task...) after(...)},
   *     {@link dev.kfp4j.dsl.Task#cpuLimit(String) cpuLimit(...)}, {@link dev.kfp4j.dsl.Task#retries(int) retries(...)}
   *     and {@link dev.kfp4j.dsl.Task#caching(boolean) caching(...)} chain on it
   */
  @Op(
      value = "all-types",
      spec = "all_types.component.yaml",
      inputs = {
          "s",
          "i",
          "f",
          "b",
          "l",
          "d",
          "data",
          "text",
          "bin"
      }
  )
  public static AllTypesTask allTypes(String s, long i, double f, boolean b, List<?> l,
      Map<String, ?> d, Path data, Path text, Path bin) {
    return new AllTypesTask(new Object[] {"s", s, "i", i, "f", f, "b", b, "l", l, "d", d, "data", data, "text", text, "bin", bin});
  }

  /**
   * A task of component {@code All types}.
   */
  public static final class AllTypesTask extends Task<AllTypesTask> {
    AllTypesTask(Object[] namesAndValues) {
      super("all-types", namesAndValues);
    }

    /**
     * Output {@code model}.
     *
     * @return the output, to give to another op in the pipeline (outside a pipeline this throws)
     */
    @Op.Output("model")
    public Path model() {
      throw outsidePipeline("all-types", "model");
    }

    /**
     * Output {@code log}.
     *
     * @return the output, to give to another op in the pipeline (outside a pipeline this throws)
     */
    @Op.Output("log")
    public Path log() {
      throw outsidePipeline("all-types", "log");
    }

    /**
     * Output {@code sum}.
     *
     * @return the output, to give to another op in the pipeline (outside a pipeline this throws)
     */
    @Op.Output("sum")
    public double sum() {
      throw outsidePipeline("all-types", "sum");
    }

    /**
     * Output {@code flag}.
     *
     * @return the output, to give to another op in the pipeline (outside a pipeline this throws)
     */
    @Op.Output("flag")
    public boolean flag() {
      throw outsidePipeline("all-types", "flag");
    }

    /**
     * Output {@code items}.
     *
     * @return the output, to give to another op in the pipeline (outside a pipeline this throws)
     */
    @Op.Output("items")
    public List<?> items() {
      throw outsidePipeline("all-types", "items");
    }

    /**
     * Output {@code obj}.
     *
     * @return the output, to give to another op in the pipeline (outside a pipeline this throws)
     */
    @Op.Output("obj")
    public Map<String, ?> obj() {
      throw outsidePipeline("all-types", "obj");
    }

    /**
     * Output {@code name}.
     *
     * @return the output, to give to another op in the pipeline (outside a pipeline this throws)
     */
    @Op.Output("name")
    public String name() {
      throw outsidePipeline("all-types", "name");
    }

    /**
     * Output {@code count}.
     *
     * @return the output, to give to another op in the pipeline (outside a pipeline this throws)
     */
    @Op.Output("count")
    public long count() {
      throw outsidePipeline("all-types", "count");
    }

    /**
     * Output {@code custom}.
     *
     * @return the output, to give to another op in the pipeline (outside a pipeline this throws)
     */
    @Op.Output("custom")
    public String custom() {
      throw outsidePipeline("all-types", "custom");
    }
  }
}
