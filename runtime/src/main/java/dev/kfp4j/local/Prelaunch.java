package dev.kfp4j.local;

import java.nio.file.Path;
import java.util.Map;

/**
 * What is known of a Java task's process before the task is ready, enough to start its JVM ahead
 * ({@link Prestarts}): {@code java -cp <the runner's classpath> <javaMain>}, with {@code env},
 * in {@code dir}, its temporary folder {@code dir}'s ({@link TaskTemp}), its output to {@code dir}'s {@code log.txt}.
 *
 * @param javaMain the task's main class
 * @param env the variables the task sets
 * @param dir the task's folder
 */
record Prelaunch(String javaMain, Map<String, String> env, Path dir) {
  Prelaunch {
    env = Map.copyOf(env);
  }

  /** The task's temporary folder, which its JVM is given ahead as {@code java.io.tmpdir}. */
  Path tmp() {
    return TaskTemp.of(dir);
  }

  /** Whether {@code launch}, of a Java task whose main class is {@code main}, is the one this foresaw. */
  boolean foresaw(Launcher.Launch launch, String main) {
    return javaMain.equals(main) && env.equals(launch.env()) && dir.equals(launch.dir()) && tmp().equals(launch.tmp())
        && launch.log().file().equals(dir.resolve("log.txt"));
  }
}
