package dev.kfp4j.yaml;

import java.io.Reader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionEndEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.MappingStartEvent;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.io.IOContext;
import tools.jackson.core.util.BufferRecycler;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * A YAML parser that reads an alias ({@code *name}) as a copy of the node anchored {@code &name}
 * before it, as PyYAML (and so the KFP SDK) does, where Jackson's own parser reads the anchor's
 * name as a string. The copies are bounded: a document whose aliases copy more than
 * {@link #MAX_ALIAS_NODES} nodes in all ("billion laughs") is refused, as is an alias of an
 * undefined anchor or of the node that holds it. A plain {@code <<} key (a YAML merge key) is read
 * as {@link #MERGE_KEY} followed by a number, for {@link Yaml} to merge in the tree.
 */
final class AliasResolvingParser extends YAMLParser {
  /** Most nodes all aliases of one document may copy. */
  static final int MAX_ALIAS_NODES = 100_000;

  /** What a merge key {@code <<} is read as, numbered; no YAML text can hold it as a plain key. */
  static final String MERGE_KEY = "\u0000<<";

  /** Every event read while an anchored collection is open; anchors are ranges of it. */
  private final List<Event> history = new ArrayList<>();
  /** Anchor name → [start, end) in {@link #history}. */
  private final Map<String, int[]> anchors = new HashMap<>();
  /** Anchored collections being read, innermost first: name, start in history, how deep. */
  private final ArrayDeque<Open> open = new ArrayDeque<>();
  private final ArrayDeque<Event> replay = new ArrayDeque<>();
  /** For each open collection: whether a mapping, and how many nodes it holds so far. */
  private final ArrayDeque<int[]> containers = new ArrayDeque<>();
  private int copied;
  private int merges;

  private static final class Open {
    final String name;
    final int start;
    int depth;

    Open(String name, int start) {
      this.name = name;
      this.start = start;
    }
  }

  AliasResolvingParser(ObjectReadContext readCtxt, IOContext ioCtxt, BufferRecycler br, int streamReadFeatures,
      int formatFeatures, LoadSettings loadSettings, Reader reader) {
    super(readCtxt, ioCtxt, br, streamReadFeatures, formatFeatures, loadSettings, reader);
  }

  @Override
  protected Event nextEvent() {
    Event event = replay.pollFirst();
    if (event == null) {
      event = super.nextEvent();
      if (event instanceof AliasEvent alias) {
        event = resolve(alias);
      } else if (event instanceof NodeEvent n && n.getAnchor().isPresent()) {
        String name = n.getAnchor().get().getValue();
        if (event instanceof CollectionStartEvent) {
          open.push(new Open(name, history.size()));
        } else {
          anchors.put(name, new int[] {history.size(), history.size() + 1});
          if (open.isEmpty()) {
            history.add(event); // a scalar anchored outside any anchored collection: kept on its own
          }
        }
      }
    }
    event = keyed(event);
    record(event);
    return event;
  }

  private Event resolve(AliasEvent alias) {
    String name = alias.getAlias().getValue();
    for (Open o : open) {
      if (o.name.equals(name)) {
        throw new StreamReadException(this, "alias *" + name + " is inside the node &" + name
            + " it refers to; a recursive structure has no JSON form", _locationFor(alias.getStartMark()));
      }
    }
    int[] range = anchors.get(name);
    if (range == null) {
      throw new StreamReadException(this, "alias *" + name + " refers to no anchor &" + name
          + " before it; define '&" + name + " <value>' first", _locationFor(alias.getStartMark()));
    }
    List<Event> events = history.subList(range[0], range[1]);
    for (Event e : events) {
      if (!(e instanceof CollectionEndEvent) && ++copied > MAX_ALIAS_NODES) {
        throw new StreamConstraintsException("the document's aliases (*name) copy more than " + MAX_ALIAS_NODES
            + " nodes, the most kfp4j reads; write the values out instead", _locationFor(alias.getStartMark()));
      }
    }
    replay.addAll(events);
    return replay.removeFirst();
  }

  /** Keeps {@code event} while anchored collections are open, and closes those it ends. */
  private void record(Event event) {
    if (open.isEmpty()) {
      return;
    }
    history.add(event);
    for (Open o : open) {
      if (event instanceof CollectionStartEvent) {
        o.depth++;
      } else if (event instanceof CollectionEndEvent) {
        o.depth--;
      }
    }
    while (!open.isEmpty() && open.peek().depth == 0) {
      Open done = open.pop();
      anchors.put(done.name, new int[] {done.start, history.size()});
    }
  }

  /** Tracks mapping keys, and numbers each plain {@code <<} key. */
  private Event keyed(Event event) {
    int[] parent = containers.peek();
    boolean isKey = parent != null && parent[0] == 1 && parent[1] % 2 == 0;
    if (event instanceof CollectionStartEvent) {
      containers.push(new int[] {event instanceof MappingStartEvent ? 1 : 0, 0});
    } else if (event instanceof CollectionEndEvent) {
      containers.pop();
      if (!containers.isEmpty()) {
        containers.peek()[1]++;
      }
    } else if (event instanceof ScalarEvent s) {
      if (parent != null) {
        parent[1]++;
      }
      if (isKey && s.isPlain() && s.getValue().equals("<<")) {
        return new ScalarEvent(s.getAnchor(), s.getTag(), s.getImplicit(), MERGE_KEY + ++merges, s.getScalarStyle(),
            s.getStartMark(), s.getEndMark());
      }
    }
    return event;
  }
}
