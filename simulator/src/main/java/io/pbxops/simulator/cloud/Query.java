package io.pbxops.simulator.cloud;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.pbxops.simulator.support.Json;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/** Query parameters of the cloud's lists: filters, {@code format}, {@code limit}/{@code offset}, sorting. */
final class Query {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private Query() {}

    static Boolean bool(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null) {
            return null;
        }
        return switch (raw) {
            case "true" -> true;
            case "false" -> false;
            default -> throw CloudException.invalid(name, name + " must be true or false", raw);
        };
    }

    static String format(Context ctx, String fallback) {
        String format = ctx.queryParamAsClass("format", String.class).getOrDefault(fallback);
        if (!Enums.in(Enums.FORMATS, format)) {
            throw CloudException.invalid("format", "format must be small, medium or full", format);
        }
        return format;
    }

    static boolean containsIgnoreCase(String value, String part) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
    }

    /** Keeps the fields the format shows; {@code full} keeps everything. */
    static ObjectNode project(ObjectNode full, String format, Map<String, List<String>> fieldsByFormat) {
        List<String> fields = fieldsByFormat.get(format);
        if (fields == null) {
            return full;
        }
        ObjectNode projected = Json.MAPPER.createObjectNode();
        fields.stream().filter(full::has).forEach(field -> projected.set(field, full.get(field)));
        return projected;
    }

    /**
     * One page of {@code items}: sorted by {@code sortField} (one of {@code sortKeys}, {@code defaultSortField} when
     * absent) and {@code sortOrder} (1 or -1), then only the page is rendered and projected to the asked format:
     * {@code {data, limit, offset, total}}. Runs under the world lock, so it renders no more than the page.
     */
    static <T> ObjectNode page(
            Context ctx,
            List<T> items,
            Map<String, Function<T, String>> sortKeys,
            String defaultSortField,
            Function<T, ObjectNode> render,
            String defaultFormat,
            Map<String, List<String>> fieldsByFormat) {
        String format = format(ctx, defaultFormat);
        int limit = intParam(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int offset = intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        String sortField = ctx.queryParamAsClass("sortField", String.class).getOrDefault(defaultSortField);
        int sortOrder = intParam(ctx, "sortOrder", 1, -1, 1);
        if (sortOrder == 0) {
            throw CloudException.invalid("sortOrder", "sortOrder must be 1 or -1", 0);
        }
        Function<T, String> key = sortKeys.get(sortField);
        if (key == null) {
            throw CloudException.invalid(
                    "sortField", "sortField must be one of " + new TreeSet<>(sortKeys.keySet()), sortField);
        }
        Comparator<T> order = Comparator.comparing(key, Comparator.nullsFirst(String.CASE_INSENSITIVE_ORDER));
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode data = body.putArray("data");
        items.stream()
                .sorted(sortOrder > 0 ? order : order.reversed())
                .skip(offset)
                .limit(limit)
                .forEach(item -> data.add(project(render.apply(item), format, fieldsByFormat)));
        body.put("limit", limit).put("offset", offset).put("total", items.size());
        return body;
    }

    private static int intParam(Context ctx, String name, int fallback, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, like an out-of-range value
        }
        throw CloudException.invalid(name, name + " must be an integer within " + min + ".." + max, raw);
    }
}
