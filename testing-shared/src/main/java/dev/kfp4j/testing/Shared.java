package dev.kfp4j.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The reference folder beside the checkout, {@code ../shared}: files other tools wrote (Argo's
 * Workflow schemas, KFP's API files, the KFP component library, the KFP SDK's outputs). A clone
 * does not have it, so a test that checks against it calls {@link #root} (or {@link #testdata},
 * {@link #schemas}) where it needs it: when the folder is missing, the test stops there as
 * skipped, not passed, and {@link SharedListener} says so in one line for the module.
 */
public final class Shared {
  /** The system property naming the folder; the build sets it to {@code ../shared} beside the checkout. */
  public static final String PROPERTY = "kfp4j.shared";

  /** What a test needs from the folder, as its skip line names it: {@code schemas/argo}. */
  public static final String ARGO_SCHEMAS = "Argo's Workflow schemas";
  /** {@code schemas/kfp-api}: KFP's REST API (Swagger) files. */
  public static final String KFP_API = "KFP's API files";
  /** {@code schemas/kfp-ir}: KFP 2's pipeline spec and Kubernetes platform {@code .proto} files. */
  public static final String KFP_PROTOS = "KFP 2's .proto files";
  /** {@code testdata/kfp-components}: KFP's component library. */
  public static final String KFP_COMPONENTS = "the KFP component library";
  /** {@code testdata/kfp-sdk-*}: files the KFP SDK wrote. */
  public static final String KFP_SDK = "files the KFP SDK wrote";
  /** The rest of {@code testdata}. */
  public static final String TEST_DATA = "test data";
  /** Each thing a test may need, as {@link SharedListener}'s line names it: one name each, so that it names each once. */
  private static final Set<String> NEEDS = Set.of(ARGO_SCHEMAS, KFP_API, KFP_PROTOS, KFP_COMPONENTS, KFP_SDK, TEST_DATA);

  private Shared() {}

  /** Where the folder is looked for: {@code -Dkfp4j.shared}, else {@code ../shared} of the checkout. */
  public static Path location() {
    String property = System.getProperty(PROPERTY);
    Path root = property != null && !property.isBlank() ? Path.of(property) : Path.of("..", "..", "shared");
    return root.toAbsolutePath().normalize();
  }

  /** Whether the folder is there. */
  public static boolean present() {
    return Files.isDirectory(location());
  }

  /**
   * The folder, for a test that needs {@code what} from it (such as {@link #ARGO_SCHEMAS}); when it
   * is missing, the test is skipped from here on ({@link MissingShared}).
   */
  public static Path root(String what, String... more) {
    List<String> needs = new ArrayList<>(List.of(more));
    needs.add(0, what);
    for (String need : needs) {
      if (!NEEDS.contains(need)) { // a name of its own would stand beside the same thing's in the line
        throw new IllegalArgumentException("'" + need + "' is none of " + new java.util.TreeSet<>(NEEDS) + ": name one of Shared's");
      }
    }
    if (!present()) {
      throw new MissingShared(needs, location());
    }
    return location();
  }

  /** {@code testdata/<relative>} of the folder: files written by the KFP SDK and KFP's component library. */
  public static Path testdata(String relative) {
    return root(what(relative)).resolve("testdata").resolve(relative);
  }

  /** {@code schemas/<relative>} of the folder: Argo's Workflow schemas, KFP's API files and KFP 2's {@code .proto} files. */
  public static Path schemas(String relative) {
    String what = relative.startsWith("argo") ? ARGO_SCHEMAS : relative.startsWith("kfp-ir") ? KFP_PROTOS : KFP_API;
    return root(what).resolve("schemas").resolve(relative);
  }

  private static String what(String testdata) {
    if (testdata.startsWith("kfp-components")) {
      return KFP_COMPONENTS;
    }
    return testdata.startsWith("kfp-sdk") ? KFP_SDK : TEST_DATA;
  }
}
