package dev.kfp4j.client;

/**
 * Paging and order for list calls: {@code pageSize} (the server's default when 0),
 * {@code pageToken} from the previous {@link Page}, {@code sortBy} such as {@code "created_at desc"}.
 */
public record ListOptions(int pageSize, String pageToken, String sortBy) {
  /** The first page, newest first. */
  public static ListOptions newestFirst(int pageSize) {
    return new ListOptions(pageSize, null, "created_at desc");
  }

  /** The page after {@code page}, same size and order. */
  public ListOptions next(Page<?> page) {
    return new ListOptions(pageSize, page.nextPageToken(), sortBy);
  }
}
