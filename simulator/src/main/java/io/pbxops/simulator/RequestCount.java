package io.pbxops.simulator;

/**
 * How many requests were answered with one status on one route. {@code route} is the path template (e.g.
 * {@code /api/rainbow/admin/v1.0/systems/{systemId}}), {@code (unmatched)} for paths no route serves;
 * {@code status} 0 counts connections dropped on purpose.
 */
public record RequestCount(String method, String route, int status, long count) {}
