package dev.kfp4j.format.kfp2;

import dev.kfp4j.model.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** A node read, with the sibling tasks it depends on, until its DAG is read whole. */
final class Draft {
  final String name;
  final List<String> dependencies = new ArrayList<>();
  final List<Draft> children = new ArrayList<>();
  final List<String> after = new ArrayList<>();
  BiFunction<List<String>, List<Node>, Node> make;
  boolean group;
  /** A deletepvc's: the createpvc task of its DAG whose claim it deletes, whether it runs whatever happened, its settings. */
  String deletes;
  boolean whateverHappened;
  List<dev.kfp4j.model.TaskSetting> settings = List.of();
  /** A createpvc's: the deletepvc draft that deletes its claim, or null ({@link VolumeTasks#link}). */
  Draft deletedBy;

  Draft(String name) {
    this.name = name;
  }

  List<String> stepNames() {
    List<String> out = new ArrayList<>();
    if (!group) {
      out.add(name);
    }
    children.forEach(c -> out.addAll(c.stepNames()));
    return out;
  }

  void pushAfter(List<String> names) {
    if (!group) {
      after.addAll(0, names);
    }
    children.forEach(c -> c.pushAfter(names));
  }

  Node build() {
    List<Node> body = new ArrayList<>();
    for (Draft c : children) {
      body.add(c.build());
    }
    return make.apply(after, body);
  }
}
