package dev.kfp4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kfp4j init}: a sample config file for a KFP host to edit, and GitHub Actions workflows when asked. */
@Command(name = "init", description = "Writes a sample kfp4j.yaml for the given KFP host, to edit; with "
    + "--with-github-actions, GitHub Actions workflows too.")
final class InitCommand extends Commands.Base {
  /** The workflows --with-github-actions writes, in .github/workflows/ beside the config file. */
  static final List<String> WORKFLOWS = List.of("kfp4j-on-push.yml", "kfp4j-on-merge-to-main.yml");

  @Parameters(paramLabel = "HOST", description = "The KFP API endpoint, such as https://kubeflow.example.com/pipeline.")
  String host;

  @Option(names = "--config", paramLabel = "FILE", defaultValue = Config.FILE, description = "Where to write it (default ${DEFAULT-VALUE}).")
  Path file;

  @Option(names = "--name", paramLabel = "NAME", description = "The project name, for the experiment and image (default: this folder's name).")
  String name;

  @Option(names = "--with-github-actions", description = "Also write GitHub Actions workflows in .github/workflows/ beside "
      + "the config file: on every push, build, test, push the image and run the pipeline once; on the main branch, "
      + "upload the pipeline and schedule it daily. Keeps an existing config file.")
  boolean githubActions;

  @Option(names = "--force", description = "Overwrite existing files.")
  boolean force;

  @Override
  public Integer call() throws IOException {
    Options.requireScheme(host, null);
    Path project = file.toAbsolutePath().getParent();
    String projectName = name != null ? name : Path.of("").toAbsolutePath().getFileName().toString();
    List<Path> workflows = new ArrayList<>();
    if (githubActions) {
      for (String w : WORKFLOWS) {
        Path target = project.resolve(".github/workflows").resolve(w);
        if (Files.exists(target) && !force) {
          throw new ConfigException(target + " exists; edit it, or pass " + terms().option("--force") + " to overwrite it");
        }
        workflows.add(target);
      }
    }
    boolean keepConfig = githubActions && Files.exists(file) && !force;
    if (Files.exists(file) && !force && !keepConfig) {
      throw new ConfigException(file + " exists; edit it, or pass " + terms().option("--force") + " to overwrite it");
    }
    if (githubActions && !projectName.matches("[A-Za-z0-9 ._+-]+")) {
      throw new ConfigException("the project's name '" + projectName + "' goes into the workflows' shell commands: give "
          + terms().option("--name") + " of letters, digits, spaces and . _ + -");
    }
    if (!keepConfig) {
      checkNoLinkToNothing(file);
    }
    for (Path w : workflows) {
      checkNoLinkToNothing(w);
    }
    String image = projectName.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
    if (!keepConfig) {
      String sample = resource("kfp4j.yaml.sample").replace("__HOST__", scalar(host)).replace("__IMAGE__", image + ":latest")
          .replace("__RUN_NAME__", scalar(projectName + " run")).replace("__NAME__", scalar(projectName));
      Files.createDirectories(project);
      Files.writeString(file, sample);
      Config.load(file, n -> null); // what it wrote reads back
      out().println("Configuration written to " + file + ". Edit the image and experiment, then '" + terms().command("upload-pipeline")
          + "'.");
    }
    for (Path w : workflows) {
      Files.createDirectories(w.getParent());
      Files.writeString(w, resource("github/" + w.getFileName()).replace("__IMAGE_NAME__", image).replace("__NAME__", projectName));
      out().println("GitHub Actions workflow written to " + w + "; its comments name the secrets it reads.");
    }
    out().flush();
    return Kfp4j.OK;
  }

  /**
   * Refuses to write {@code target} when it, or a folder on its way, is a symbolic link to nothing, before anything is written:
   * writing through it made the file or folder the link names, wherever that is (outside the project too), where {@code
   * target} seemed not to be there. A link to a file that is there is that file: it exists, and is overwritten with {@code
   * --force} only.
   */
  private static void checkNoLinkToNothing(Path target) throws IOException {
    for (Path p = target.toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isSymbolicLink(p) && !Files.exists(p)) {
        throw new ConfigException(p + " is a symbolic link to " + Files.readSymbolicLink(p) + ", which is not there; init writes "
            + "nothing through it: remove the link, or make what it names");
      }
    }
  }

  /**
   * {@code value} as one YAML scalar of the config file that reads back as it is: plain where YAML
   * reads it so, else quoted, as kfp4j writes any YAML (a name such as {@code a: b}, {@code x #1}
   * or {@code "q"} made a file that did not load, or loaded as another value), and a {@code ${}
   * kept literal ({@code $${}), as the config's variables are read.
   */
  static String scalar(String value) {
    StringBuilder out = new StringBuilder();
    dev.kfp4j.yaml.BlockYaml.appendKey(value.replace("${", "$${"), out);
    return out.toString();
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = InitCommand.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
