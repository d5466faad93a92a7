package dev.kfp4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What 'kfp4j init --with-github-actions' writes where, and what it keeps. (maven-plugin's GithubActionsTest parses and runs the files.) */
class InitGithubActionsTest {
  @TempDir Path dir;

  @Test
  void writesBothWorkflowsBesideTheConfigNamingTheProject() throws Exception {
    Path config = dir.resolve("project/kfp4j.yaml");
    Cli r = Cli.run("init", "https://kfp.example.com", "--config", config.toString(), "--name", "Churn Model", "--with-github-actions");
    assertEquals(0, r.code(), r.toString());
    Path onPush = dir.resolve("project/.github/workflows/kfp4j-on-push.yml");
    Path onMerge = dir.resolve("project/.github/workflows/kfp4j-on-merge-to-main.yml");
    assertTrue(Files.readString(onPush).contains("/churn-model:${{ github.sha }}"), "the image is named from the project");
    assertTrue(Files.readString(onMerge).contains("-Dkfp4j.runName=\"Churn Model daily\""));
    assertTrue(r.out().contains("GitHub Actions workflow written to " + onPush), r.toString());
    assertTrue(Files.isRegularFile(config));
  }

  @Test
  void keepsAnExistingConfigAndRefusesToOverwriteAWorkflow() throws Exception {
    Path config = Files.writeString(dir.resolve("kfp4j.yaml"), "host: https://mine.example.com\n");
    Cli r = Cli.run("init", "https://kfp.example.com", "--config", config.toString(), "--with-github-actions");
    assertEquals(0, r.code(), r.toString());
    assertEquals("host: https://mine.example.com\n", Files.readString(config));
    assertFalse(r.out().contains("Configuration written"), r.toString());

    Path onPush = dir.resolve(".github/workflows/kfp4j-on-push.yml");
    Files.writeString(onPush, "# mine\n");
    r = Cli.run("init", "https://kfp.example.com", "--config", config.toString(), "--with-github-actions");
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains(onPush + " exists; edit it, or pass --force to overwrite it"), r.toString());
    assertEquals("# mine\n", Files.readString(onPush));

    r = Cli.run("init", "https://kfp.example.com", "--config", config.toString());
    assertEquals(2, r.code(), "without --with-github-actions an existing config is still an error: " + r);
  }
}
