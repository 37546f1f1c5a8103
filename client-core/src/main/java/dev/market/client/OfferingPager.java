package dev.market.client;

import dev.market.protocol.model.Offering;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;

/**
 * Walks {@code GET /offerings} page by page, fetching the next page only when the current one is
 * used up, and holding only that page and the ids seen so far.
 *
 * <p>Decent Cloud applies {@code offset} and {@code 3 x limit} before its visibility filter and
 * then cuts the page to {@code limit} (api/src/database/offerings.rs:732-750 at 13dda9de): pages
 * overlap and come back short while more follow. So the walk advances by the page size asked for
 * (every visible offering at an offset inside a page is in that page), only an empty page ends it,
 * and an offering already returned is skipped: each comes out exactly once. Our server's pages
 * never overlap, and its last page is followed by one empty one.
 */
final class OfferingPager implements Iterator<Offering> {
  /** Our server clamps {@code limit} to this (docs/protocol.md section 4). */
  static final int MAX_PAGE = 500;

  static final int DEFAULT_PAGE = 100;

  private final Function<OfferingQuery, List<Offering>> fetch;
  private final int pageSize;
  private OfferingQuery nextQuery;
  private Iterator<Offering> page = Collections.emptyIterator();
  private final Set<Long> seen = new HashSet<>();

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
      List<Offering> fresh =
          items.stream().filter(o -> o.id() == null || seen.add(o.id())).toList();
      // an empty page ends the walk; so does a page of offerings all seen before: a marketplace
      // that ignores the offset answers the first page again and again, forever
      nextQuery = fresh.isEmpty() ? null : nextQuery.withOffset(nextQuery.offset() + pageSize);
      page = fresh.iterator();
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
