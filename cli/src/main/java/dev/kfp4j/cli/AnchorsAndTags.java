package dev.kfp4j.cli;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionEndEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;

/**
 * A value of kfp4j.yaml written unquoted after an {@code &} or a {@code !}, which YAML reads as an anchor or a tag and not
 * as text: {@code token: &Qx7...} was no token at all (an anchor of an empty value), {@code password: !s3cret} the same (a
 * tag), {@code token: &ab cd} the token {@code cd}, without a word. kfp4j.yaml reads every setting as text, so it takes no
 * tag; an anchor is taken where an alias ({@code *name}) refers to it, which is what anchors are for. The error names the
 * setting, its line and column, and says to quote the value; it never shows the value, which may be a credential.
 */
final class AnchorsAndTags {
  /** One open mapping or sequence: its setting's name, and for a mapping the key read last and whether a key comes next. */
  private static final class Open {
    final String path;
    final boolean mapping;
    String key;
    boolean atKey = true;

    Open(String path, boolean mapping) {
      this.path = path;
      this.mapping = mapping;
    }
  }

  private AnchorsAndTags() {}

  /**
   * Checks {@code text}, YAML that parses (the file with its variables replaced by tokens), against the rule above.
   *
   * @throws ConfigException naming {@code file}, where it is and the setting, for the first tag or unused anchor
   */
  static void check(Path file, String text, Substitution substitution) {
    Parse parse = new Parse(LoadSettings.builder().build());
    Set<String> aliased = new HashSet<>();
    for (Event e : parse.parseString(text)) {
      if (e instanceof AliasEvent a) {
        aliased.add(a.getAlias().getValue());
      }
    }
    ArrayDeque<Open> open = new ArrayDeque<>();
    for (Event e : parse.parseString(text)) {
      if (e instanceof CollectionEndEvent) {
        open.pop();
        continued(open);
        continue;
      }
      if (!(e instanceof NodeEvent n)) {
        continue;
      }
      Open parent = open.peek();
      boolean isKey = parent != null && parent.mapping && parent.atKey;
      String setting = parent == null ? "" : parent.path.isEmpty() ? String.valueOf(parent.key) : parent.path + "." + parent.key;
      if (isKey) {
        setting = parent.path.isEmpty() ? "a key at the top level" : "a key of " + parent.path;
      } else if (parent != null && !parent.mapping) {
        setting = parent.path;
      }
      Optional<String> tag = e instanceof ScalarEvent s ? s.getTag() : e instanceof CollectionStartEvent c ? c.getTag() : Optional.empty();
      Optional<Anchor> anchor = n.getAnchor();
      if (tag.isPresent()) {
        throw error(file, e.getStartMark(), substitution.original(setting), '!', "a tag (!name)", "kfp4j.yaml takes no tag");
      }
      if (anchor.isPresent() && !aliased.contains(anchor.get().getValue())) {
        throw error(file, e.getStartMark(), substitution.original(setting), '&', "an anchor (&name)",
            "kfp4j.yaml takes an anchor only where an alias (*name) refers to it");
      }
      if (e instanceof CollectionStartEvent) {
        open.push(new Open(setting, e instanceof MappingStartEvent));
      } else if (isKey) {
        parent.key = e instanceof ScalarEvent s ? s.getValue() : "*" + n.getAnchor().map(Anchor::getValue).orElse(""); // *k: a key
        parent.atKey = false;
      } else {
        continued(open);
      }
    }
  }

  /** After a value: its mapping expects a key again. */
  private static void continued(ArrayDeque<Open> open) {
    Open parent = open.peek();
    if (parent != null && parent.mapping) {
      parent.atKey = true;
    }
  }

  private static ConfigException error(Path file, Optional<Mark> at, String setting, char sign, String what, String rule) {
    String where = at.map(m -> ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1)).orElse("");
    String subject = setting.isEmpty() ? "the file's one value" : setting.startsWith("a key") ? setting : setting + "'s value";
    return new ConfigException(file + where + ": " + subject + " starts with '" + sign + "', which YAML reads as " + what
        + ", not as text; " + rule + ": " + written(sign));
  }

  /** The parser's error for an anchor or tag it cannot read ({@code [!Qx7]}), worded without its text: what to write. */
  static String quoteIt(char sign) {
    return "a value starting with '" + sign + "' is " + (sign == '!' ? "a tag (!name)" : "an anchor (&name)") + "; "
        + written(sign);
  }

  private static String written(char sign) {
    return "a value that starts with '" + sign + "', such as " + (sign == '!' ? "a password" : "a token") + ", is written quoted: '"
        + sign + "...'";
  }
}
