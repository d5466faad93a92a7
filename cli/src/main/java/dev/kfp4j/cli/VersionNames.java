package dev.kfp4j.cli;

import dev.kfp4j.spec.Sha256;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The name a new pipeline version gets when none is given: the pipeline's name, the UTC time to the
 * millisecond and the first 8 hex digits of the uploaded file's SHA-256, such as {@code
 * add-example-20260314-091502-123-3fa9c2d1}. KFP refuses a second version of one name in a pipeline
 * (its versions' unique index on pipeline id and name), and two uploads can fall in one second: the
 * two workflows {@code init --with-github-actions} writes both upload on a push to main. The time
 * keeps the names in upload order when sorted; the hash tells two different files apart whatever
 * the clock says, and shows which versions hold the same file. Lowercase letters, digits and
 * {@code -} only, as KFP takes in a pipeline's name. At most {@link #MAX} characters, as KFP's API
 * server takes: a pipeline's name may have 128 (a spec compiled elsewhere, given as a file), so a
 * long one is cut to its first characters, before the time and hash, which stay whole.
 */
final class VersionNames {
  /**
   * The longest version name KFP's API server takes: it refuses a longer one ("PipelineVersion.Name length cannot exceed 127",
   * backend/src/apiserver/validation/length.go; the column is a varchar(127), model/pipeline_version.go).
   */
  static final int MAX = 127;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

  private VersionNames() {}

  /**
   * Refuses a version name given on the command line ({@code --version-name}, named in {@code terms}) that KFP would not take,
   * before anything is sent: the API server refuses one over {@link #MAX} bytes, as Go's {@code len} counts them (UTF-8),
   * once the whole file is sent; an empty one it names after the uploaded file (".yaml").
   *
   * @throws ConfigException saying why, the name's length and KFP's limit (a usage error)
   */
  static void check(String name, Terms terms) {
    String option = terms.option("--version-name");
    if (name.isBlank()) {
      throw new ConfigException(option + " is " + (name.isEmpty() ? "empty" : "blank") + "; give the version a name, or leave "
          + option + " out for the default (the pipeline's name, the UTC time and the file's hash)");
    }
    int bytes = name.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX) {
      int characters = name.codePointCount(0, name.length());
      throw new ConfigException(option + " is " + characters + " characters long"
          + (bytes == characters ? "; KFP takes at most " + MAX : ", " + bytes + " bytes in UTF-8; KFP takes at most " + MAX + " bytes")
          + " in a version's name (its API server refuses a longer one): give a shorter name");
    }
  }

  /** The default name of a version of {@code pipeline} holding {@code file}, uploaded at {@code at}. */
  static String of(String pipeline, Instant at, String file) {
    String timeAndHash = "-" + TIME.format(at) + "-" + Sha256.hexOf(file).substring(0, 8);
    int room = MAX - timeAndHash.length();
    String name = pipeline.length() <= room ? pipeline : pipeline.substring(0, room).replaceAll("-+$", "");
    return name + timeAndHash;
  }
}
