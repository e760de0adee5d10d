package io.pbxops.operator.mapping;

/** Dotted software versions (2.4.1 < 2.10.0). */
final class Versions {

    private Versions() {}

    static boolean newer(String candidate, String current) {
        if (current == null) {
            return candidate != null;
        }
        String[] a = candidate.split("\\.");
        String[] b = current.split("\\.");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int x = i < a.length ? parse(a[i]) : 0;
            int y = i < b.length ? parse(b[i]) : 0;
            if (x != y) {
                return x > y;
            }
        }
        return false;
    }

    private static int parse(String part) {
        try {
            return Integer.parseInt(part);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
