package io.pbxops.operator.cloud;

import io.pbxops.operator.cloud.model.Page;
import io.pbxops.operator.cloud.model.PageRequest;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Streams every item of a paged list, fetching one page at a time as the stream is consumed ({@code limit} /
 * {@code offset}). Offsets are positional: an item created or deleted meanwhile can shift the rest by one, so a
 * drift poller should treat one listing as a snapshot that may miss or repeat an item, not as the truth.
 */
public final class Pages {

    private Pages() {}

    public static <T> Stream<T> stream(PageRequest first, Function<PageRequest, Page<T>> fetch) {
        Iterator<T> iterator = new Iterator<>() {
            private PageRequest nextRequest = first;
            private Iterator<T> items = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!items.hasNext() && nextRequest != null) {
                    Page<T> page = fetch.apply(nextRequest);
                    items = page.data().iterator();
                    nextRequest =
                            page.isLast() ? null : nextRequest.next(page.data().size());
                }
                return items.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return items.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED), false);
    }
}
