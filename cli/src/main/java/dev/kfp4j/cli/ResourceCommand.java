package dev.kfp4j.cli;

import static dev.kfp4j.cli.Printer.row;

import dev.kfp4j.client.KfpClient;
import dev.kfp4j.client.ListOptions;
import dev.kfp4j.client.Page;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import picocli.CommandLine.Mixin;

/**
 * A run-management command on one kind of resource {@code R} of the server (an experiment, a
 * pipeline or its version, a run, a recurring run): the server and output options, and {@code R}
 * listed or shown as a table or JSON. {@link One} is a command on one {@code R} the command line
 * names.
 */
abstract class ResourceCommand<R> extends Commands.Base {
  @Mixin Options.Server server;
  @Mixin Options.Output output;

  /** What is shown of {@code resource}, its {@code name} and {@code id} first. */
  abstract Map<String, Object> fields(R resource);

  /** Prints up to {@code limit} of what {@code read} lists, newest first, as a table of {@code columns} or as JSON. */
  Integer list(int limit, Function<ListOptions, Page<R>> read, List<String> columns) {
    printer().table(Rows.list(limit, read, this::fields, terms()), columns);
    return Kfp4j.OK;
  }

  /** Prints {@code resource}'s fields. */
  Integer show(R resource) {
    printer().record(fields(resource));
    return Kfp4j.OK;
  }

  Printer printer() {
    return new Printer(out(), output.json());
  }

  /** A command on one {@code R}, named on the command line. */
  abstract static class One<R> extends ResourceCommand<R> {
    /** The id of the resource the command names (looked up, where the command line may give its name). */
    abstract String id(KfpClient kfp);

    /** The resource of this id, as the server has it now. */
    abstract R get(KfpClient kfp, String id);

    /** The resource the command names; a lookup by name overrides it to give what it found. */
    R find(KfpClient kfp) {
      return get(kfp, id(kfp));
    }

    /** Shows the resource. */
    Integer show() {
      return show(find(server.kfp()));
    }

    /** Does {@code action} to the resource's id, then shows the resource as it is after it. */
    Integer then(BiConsumer<KfpClient, String> action) {
      KfpClient kfp = server.kfp();
      String id = id(kfp);
      action.accept(kfp, id);
      return show(get(kfp, id));
    }

    /**
     * Deletes the resource and prints what was deleted: {@code kind}, the resource's name and id
     * and the {@code more} of its fields named.
     */
    Integer delete(String kind, BiConsumer<KfpClient, R> delete, String... more) {
      KfpClient kfp = server.kfp();
      R resource = find(kfp);
      delete.accept(kfp, resource);
      Map<String, Object> fields = fields(resource);
      Map<String, Object> deleted = row("deleted", kind, "name", fields.get("name"), "id", fields.get("id"));
      for (String key : more) {
        deleted.put(key, fields.get(key));
      }
      printer().record(deleted);
      return Kfp4j.OK;
    }
  }
}
