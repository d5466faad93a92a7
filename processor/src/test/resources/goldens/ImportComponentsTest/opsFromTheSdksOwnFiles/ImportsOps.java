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
   * @param optS optional: null leaves it out
   * @param di optional: null leaves it out
   * @param db optional: null leaves it out
   * @param dl optional: null leaves it out
   * @param dd optional: null leaves it out
   * @param optIn optional: null leaves it out
   * @param untyped optional: null leaves it out
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
     */
    @Op.Output("model")
    public Path model() {
      throw outsidePipeline("all-types", "model");
    }

    /**
     * Output {@code log}.
     */
    @Op.Output("log")
    public Path log() {
      throw outsidePipeline("all-types", "log");
    }

    /**
     * Output {@code sum}.
     */
    @Op.Output("sum")
    public double sum() {
      throw outsidePipeline("all-types", "sum");
    }

    /**
     * Output {@code flag}.
     */
    @Op.Output("flag")
    public boolean flag() {
      throw outsidePipeline("all-types", "flag");
    }

    /**
     * Output {@code items}.
     */
    @Op.Output("items")
    public List<?> items() {
      throw outsidePipeline("all-types", "items");
    }

    /**
     * Output {@code obj}.
     */
    @Op.Output("obj")
    public Map<String, ?> obj() {
      throw outsidePipeline("all-types", "obj");
    }

    /**
     * Output {@code name}.
     */
    @Op.Output("name")
    public String name() {
      throw outsidePipeline("all-types", "name");
    }

    /**
     * Output {@code count}.
     */
    @Op.Output("count")
    public long count() {
      throw outsidePipeline("all-types", "count");
    }

    /**
     * Output {@code custom}.
     */
    @Op.Output("custom")
    public String custom() {
      throw outsidePipeline("all-types", "custom");
    }
  }
}
