package io.pbxops.operator.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pbxops.operator.cloud.model.Page;
import io.pbxops.operator.cloud.model.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PagesTest {

    private final List<Integer> items = IntStream.range(0, 7).boxed().toList();

    @Test
    void streamsEveryPageLazilyByTotal() {
        List<PageRequest> asked = new ArrayList<>();

        List<Integer> first3 = Pages.stream(PageRequest.first(3), request -> {
                    asked.add(request);
                    return page(request, items.size());
                })
                .limit(3)
                .toList();

        assertEquals(List.of(0, 1, 2), first3);
        assertEquals(List.of(new PageRequest(3, 0)), asked, "one page is enough for three items");
        assertEquals(
                items,
                Pages.stream(PageRequest.first(3), request -> page(request, items.size()))
                        .toList());
    }

    @Test
    void withoutATotalAShortPageIsTheLast() {
        List<PageRequest> asked = new ArrayList<>();

        List<Integer> all = Pages.stream(PageRequest.first(3), request -> {
                    asked.add(request);
                    return page(request, 0);
                })
                .toList();

        assertEquals(items, all);
        assertEquals(3, asked.size());
    }

    private Page<Integer> page(PageRequest request, int total) {
        int end = Math.min(items.size(), request.offset() + request.limit());
        return new Page<>(
                items.subList(Math.min(request.offset(), end), end), request.limit(), request.offset(), total);
    }
}
