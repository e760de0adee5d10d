package io.pbxops.operator.cloud.model;

/**
 * Which page to ask for ({@code limit}, {@code offset}).
 *
 * @param limit page size, 1..1000 (the cloud's default is 100)
 * @param offset index of the first item, from 0
 */
public record PageRequest(int limit, int offset) {

    /** The cloud's default page size. */
    public static final int DEFAULT_LIMIT = 100;

    public PageRequest {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be 1..1000, was " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, was " + offset);
        }
    }

    public static PageRequest first() {
        return new PageRequest(DEFAULT_LIMIT, 0);
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, 0);
    }

    /** The page after one that held {@code received} items. */
    public PageRequest next(int received) {
        return new PageRequest(limit, offset + received);
    }
}
