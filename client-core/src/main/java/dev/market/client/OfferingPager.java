package dev.market.client;

import dev.market.protocol.model.Offering;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * Walks {@code GET /offerings} page by page, fetching the next page only when the current one is
 * used up, and holding only that page: constant memory for any number of offerings. A page shorter
 * than the page size asked for is the last one (our server never shortens a page below the size
 * asked for, up to its documented 500, which is why the page size is capped at 500).
 */
final class OfferingPager implements Iterator<Offering> {
  /** Our server clamps {@code limit} to this (docs/protocol.md section 4). */
  static final int MAX_PAGE = 500;

  static final int DEFAULT_PAGE = 100;

  private final Function<OfferingQuery, List<Offering>> fetch;
  private final int pageSize;
  private OfferingQuery nextQuery;
  private Iterator<Offering> page = Collections.emptyIterator();

  OfferingPager(OfferingQuery query, Function<OfferingQuery, List<Offering>> fetch) {
    int requested = query.limit() == null ? DEFAULT_PAGE : query.limit();
    if (requested < 1) {
      throw new IllegalArgumentException("page size (limit) must be at least 1, got " + requested);
    }
    this.pageSize = Math.min(requested, MAX_PAGE);
    this.fetch = fetch;
    this.nextQuery =
        query.withLimit(pageSize).withOffset(query.offset() == null ? 0 : query.offset());
  }

  /** The query of the first page this pager fetches. */
  OfferingQuery firstPage() {
    return nextQuery;
  }

  @Override
  public boolean hasNext() {
    while (!page.hasNext()) {
      if (nextQuery == null) {
        return false;
      }
      List<Offering> items = fetch.apply(nextQuery);
      // advance by what actually came, so a server that returns fewer never makes us skip any
      nextQuery =
          items.size() < pageSize ? null : nextQuery.withOffset(nextQuery.offset() + items.size());
      page = items.iterator();
    }
    return true;
  }

  @Override
  public Offering next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return page.next();
  }
}
