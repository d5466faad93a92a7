package dev.kfp4j.processor.base;

import java.util.regex.Pattern;

/**
 * The grammar of a container image reference, {@code [host[:port]/]path[:tag][@digest]}, as
 * Docker's {@code distribution/reference} (which the kubelet applies) defines it: a pod whose
 * image is outside it fails with {@code InvalidImageName} long after the build.
 */
public final class ImageReference {
  private static final String HOST_PART = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
  private static final String HOST = "(?:" + HOST_PART + "(?:\\." + HOST_PART + ")*|\\[[0-9a-fA-F:.]+\\])(?::[0-9]+)?";
  private static final String PATH_PART = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
  private static final Pattern REFERENCE = Pattern.compile(
      "(?:" + HOST + "/)?" + PATH_PART + "(?:/" + PATH_PART + ")*"
          + "(?::[\\w][\\w.-]{0,127})?"
          + "(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?");

  private ImageReference() {}

  /** Why {@code image} is not an image reference, or null when it is one. */
  public static String whyInvalid(String image) {
    if (REFERENCE.matcher(image).matches()) {
      return null;
    }
    if (!image.strip().equals(image) || image.chars().anyMatch(Character::isWhitespace)) {
      return "it holds a space";
    }
    String path = image.replaceFirst("@.*$", "").replaceFirst(":[^/]*$", "");
    int slash = path.indexOf('/');
    String repository = slash > 0 && (path.substring(0, slash).contains(".") || path.substring(0, slash).contains(":")
        || path.startsWith("localhost/")) ? path.substring(slash + 1) : path;
    if (!repository.equals(repository.toLowerCase(java.util.Locale.ROOT))) {
      return "the repository '" + repository + "' has upper-case letters, which image names may not (write '"
          + repository.toLowerCase(java.util.Locale.ROOT) + "')";
    }
    return "it is not of the form [registry/]repository[:tag][@digest], with a repository of lower-case letters, digits and"
        + " '.', '_', '-' between them";
  }
}
