package dev.kfp4j.client;

import java.util.List;

/** One page of a list call; {@code nextPageToken} is empty on the last page. */
public record Page<T>(List<T> items, String nextPageToken, int totalSize) {
  public Page {
    items = List.copyOf(items);
  }

  /** Whether there is a page after this one. */
  public boolean hasNext() {
    return nextPageToken != null && !nextPageToken.isEmpty();
  }
}
