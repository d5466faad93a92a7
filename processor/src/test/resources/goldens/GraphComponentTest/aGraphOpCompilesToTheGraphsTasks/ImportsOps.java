package test;

import dev.kfp4j.dsl.LongTask;
import dev.kfp4j.dsl.Op;
import dev.kfp4j.dsl.Task;
import java.nio.file.Path;
import javax.annotation.processing.Generated;

/**
 * Ops of the components imported by {@link Imports}: call them in a {@code @Pipeline} method.
 */
@Generated("dev.kfp4j.processor.Kfp4jProcessor")
public final class ImportsOps {
  private ImportsOps() {
  }

  /**
   * Adds two numbers, then doubles the sum; a graph of two shell steps.
   *
   * <p>Component {@code Sum and double}, from {@code testcomponents/sum_and_double.graph.yaml}.
   *
   * <p>A graph component: a call runs its tasks {@code add}, {@code double}, inlined into the pipeline as KFP v1 compiles them.
   *
   * @param a the first number
   * @param b the second number (optional: null leaves it out)
   * @return the task that runs component {@code Sum and double};
   *     its outputs {@link SumAndDoubleTask#sum() sum()} (a + b (the file the first step wrote)),
   *     {@link SumAndDoubleTask#doubled() doubled()} (2 * (a + b));
   *     settings such as {@link dev.kfp4j.dsl.Task#after(dev.kfp4j.dsl.Task...) after(...)},
   *     {@link dev.kfp4j.dsl.Task#cpuLimit(String) cpuLimit(...)}, {@link dev.kfp4j.dsl.Task#retries(int) retries(...)}
   *     and {@link dev.kfp4j.dsl.Task#caching(boolean) caching(...)} chain on it
   */
  @Op(
      value = "sum-and-double",
      spec = "testcomponents/sum_and_double.graph.yaml"
  )
  public static SumAndDoubleTask sumAndDouble(long a, Long b) {
    return new SumAndDoubleTask(new Object[] {"a", a, "b", b});
  }

  /**
   * Adds two numbers, then doubles the sum; a graph of two shell steps.
   *
   * <p>Component {@code Sum and double}, from {@code testcomponents/sum_and_double.graph.yaml}; optional inputs left out.
   *
   * <p>A graph component: a call runs its tasks {@code add}, {@code double}, inlined into the pipeline as KFP v1 compiles them.
   *
   * @param a the first number
   * @return the task that runs component {@code Sum and double};
   *     its outputs {@link SumAndDoubleTask#sum() sum()} (a + b (the file the first step wrote)),
   *     {@link SumAndDoubleTask#doubled() doubled()} (2 * (a + b));
   *     settings such as {@link dev.kfp4j.dsl.Task#after(dev.kfp4j.dsl.Task...) after(...)},
   *     {@link dev.kfp4j.dsl.Task#cpuLimit(String) cpuLimit(...)}, {@link dev.kfp4j.dsl.Task#retries(int) retries(...)}
   *     and {@link dev.kfp4j.dsl.Task#caching(boolean) caching(...)} chain on it
   */
  @Op(
      value = "sum-and-double",
      spec = "testcomponents/sum_and_double.graph.yaml",
      inputs = "a"
  )
  public static SumAndDoubleTask sumAndDouble(long a) {
    return new SumAndDoubleTask(new Object[] {"a", a});
  }

  /**
   * Adds two integers, in Python.
   *
   * <p>Component {@code Add}, from {@code dev/kfp4j/examples/python/add.component.yaml}.
   *
   * @param a The first integer.
   * @param b The second integer.
   * @return the task that runs component {@code Add};
   *     its output {@link dev.kfp4j.dsl.LongTask#output() output()} (a + b.);
   *     settings such as {@link dev.kfp4j.dsl.Task#after(dev.kfp4j.dsl.Task...) after(...)},
   *     {@link dev.kfp4j.dsl.Task#cpuLimit(String) cpuLimit(...)}, {@link dev.kfp4j.dsl.Task#retries(int) retries(...)}
   *     and {@link dev.kfp4j.dsl.Task#caching(boolean) caching(...)} chain on it
   */
  @Op(
      value = "add",
      spec = "dev/kfp4j/examples/python/add.component.yaml"
  )
  public static LongTask add(long a, long b) {
    return new LongTask("add", new Object[] {"a", a, "b", b});
  }

  /**
   * Hashes a file with a coreutils digest command, such as sha256sum.
   *
   * <p>Component {@code Hash file}, from {@code dev/kfp4j/examples/python/hash_file.component.yaml}.
   *
   * @param data The file to hash.
   * @param hashAlgorithm md5, sha1, sha256 or sha512. (optional: null leaves it out)
   * @return the task that runs component {@code Hash file};
   *     its output {@link HashFileTask#hash() hash()} (The hexadecimal digest, on one line.);
   *     settings such as {@link dev.kfp4j.dsl.Task#after(dev.kfp4j.dsl.Task...) after(...)},
   *     {@link dev.kfp4j.dsl.Task#cpuLimit(String) cpuLimit(...)}, {@link dev.kfp4j.dsl.Task#retries(int) retries(...)}
   *     and {@link dev.kfp4j.dsl.Task#caching(boolean) caching(...)} chain on it
   */
  @Op(
      value = "hash-file",
      spec = "dev/kfp4j/examples/python/hash_file.component.yaml"
  )
  public static HashFileTask hashFile(Path data, String hashAlgorithm) {
    return new HashFileTask(new Object[] {"Data", data, "Hash algorithm", hashAlgorithm});
  }

  /**
   * Hashes a file with a coreutils digest command, such as sha256sum.
   *
   * <p>Component {@code Hash file}, from {@code dev/kfp4j/examples/python/hash_file.component.yaml}; optional inputs left out.
   *
   * @param data The file to hash.
   * @return the task that runs component {@code Hash file};
   *     its output {@link HashFileTask#hash() hash()} (The hexadecimal digest, on one line.);
   *     settings such as {@link dev.kfp4j.dsl.Task#after(dev.kfp4j.dsl.Task...) after(...)},
   *     {@link dev.kfp4j.dsl.Task#cpuLimit(String) cpuLimit(...)}, {@link dev.kfp4j.dsl.Task#retries(int) retries(...)}
   *     and {@link dev.kfp4j.dsl.Task#caching(boolean) caching(...)} chain on it
   */
  @Op(
      value = "hash-file",
      spec = "dev/kfp4j/examples/python/hash_file.component.yaml",
      inputs = "Data"
  )
  public static HashFileTask hashFile(Path data) {
    return new HashFileTask(new Object[] {"Data", data});
  }

  /**
   * Writes a text to a file.
   *
   * <p>Component {@code Write text}, from {@code testcomponents/write_text.component.yaml}.
   *
   * @param text input {@code text}
   * @return the task that runs component {@code Write text};
   *     its output {@link WriteTextTask#file() file()};
   *     settings such as {@link dev.kfp4j.dsl.Task#after(dev.kfp4j.dsl.Task...) after(...)},
   *     {@link dev.kfp4j.dsl.Task#cpuLimit(String) cpuLimit(...)}, {@link dev.kfp4j.dsl.Task#retries(int) retries(...)}
   *     and {@link dev.kfp4j.dsl.Task#caching(boolean) caching(...)} chain on it
   */
  @Op(
      value = "write-text",
      spec = "testcomponents/write_text.component.yaml"
  )
  public static WriteTextTask writeText(String text) {
    return new WriteTextTask(new Object[] {"text", text});
  }

  /**
   * A task of component {@code Sum and double}.
   */
  public static final class SumAndDoubleTask extends Task<SumAndDoubleTask> {
    SumAndDoubleTask(Object[] namesAndValues) {
      super("sum-and-double", namesAndValues);
    }

    /**
     * Output {@code sum}: a + b (the file the first step wrote).
     *
     * @return the output, to give to another op in the pipeline (outside a pipeline this throws)
     */
    @Op.Output("sum")
    public Path sum() {
      throw outsidePipeline("sum-and-double", "sum");
    }

    /**
     * Output {@code doubled}: 2 * (a + b).
     *
     * @return the output, to give to another op in the pipeline (outside a pipeline this throws)
     */
    @Op.Output("doubled")
    public long doubled() {
      throw outsidePipeline("sum-and-double", "doubled");
    }
  }

  /**
   * A task of component {@code Hash file}.
   */
  public static final class HashFileTask extends Task<HashFileTask> {
    HashFileTask(Object[] namesAndValues) {
      super("hash-file", namesAndValues);
    }

    /**
     * Output {@code Hash}: The hexadecimal digest, on one line..
     *
     * @return the output, to give to another op in the pipeline (outside a pipeline this throws)
     */
    @Op.Output("Hash")
    public Path hash() {
      throw outsidePipeline("hash-file", "Hash");
    }
  }

  /**
   * A task of component {@code Write text}.
   */
  public static final class WriteTextTask extends Task<WriteTextTask> {
    WriteTextTask(Object[] namesAndValues) {
      super("write-text", namesAndValues);
    }

    /**
     * Output {@code file}.
     *
     * @return the output, to give to another op in the pipeline (outside a pipeline this throws)
     */
    @Op.Output("file")
    public Path file() {
      throw outsidePipeline("write-text", "file");
    }
  }
}
