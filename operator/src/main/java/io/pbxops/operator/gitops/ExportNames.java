package io.pbxops.operator.gitops;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Object names for exported manifests: Kubernetes-safe (RFC 1123 labels, 63 characters at most, so that derived
 * names such as {@code <name>-activation} stay valid), derived from the cloud's names, the same at every export of the
 * same fleet, and unique per kind: when several objects want one name, the one with the smallest cloud ID keeps it
 * and the others get the end of their cloud ID appended.
 */
final class ExportNames {

    static final int MAX_LENGTH = 63;
    private static final int SUFFIX_LENGTH = 6;
    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");

    private ExportNames() {}

    /** {@code "ACME Industries (Lyon)"} → {@code acme-industries-lyon}; never empty. */
    static String slug(String text) {
        String ascii = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH - SUFFIX_LENGTH - 1) {
            slug = slug.substring(0, MAX_LENGTH - SUFFIX_LENGTH - 1).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "unnamed" : slug;
    }

    /** True when {@code name} can be an object's name as it is. */
    static boolean isObjectName(String name) {
        return name != null
                && name.length() <= MAX_LENGTH
                && DNS_SUBDOMAIN.matcher(name).matches();
    }

    /** {@code owner-name}, unless the name already starts with the owner's: {@code acme} + {@code ACME-OXE-1} → {@code acme-oxe-1}. */
    static String prefixed(String owner, String name) {
        String slug = slug(name);
        return slug.equals(owner) || slug.startsWith(owner + "-") ? slug : slug(owner + "-" + slug);
    }

    /**
     * Unique names for objects that each want one ({@code wanted}: cloud ID → name), deterministic: in a clash the
     * smallest cloud ID keeps the name.
     */
    static Map<String, String> unique(Map<String, String> wanted) {
        Map<String, List<String>> byName = new HashMap<>();
        wanted.forEach((id, name) ->
                byName.computeIfAbsent(name, n -> new ArrayList<>()).add(id));
        Map<String, String> names = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>(byName.keySet());
        byName.forEach((name, ids) -> {
            ids.sort(Comparator.naturalOrder());
            names.put(ids.get(0), name);
            for (String id : ids.subList(1, ids.size())) {
                names.put(id, suffixed(name, id, taken));
            }
        });
        return names;
    }

    private static String suffixed(String name, String id, Set<String> taken) {
        String idPart = id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        for (int length = SUFFIX_LENGTH; ; length++) {
            String suffix = idPart.length() >= length ? idPart.substring(idPart.length() - length) : idPart + length;
            String base = name.length() + suffix.length() + 1 > MAX_LENGTH
                    ? name.substring(0, MAX_LENGTH - suffix.length() - 1)
                    : name;
            String candidate = base.replaceAll("-+$", "") + "-" + suffix;
            if (!taken.contains(candidate)) {
                taken.add(candidate);
                return candidate;
            }
        }
    }
}
