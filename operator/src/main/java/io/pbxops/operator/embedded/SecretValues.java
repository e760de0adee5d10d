package io.pbxops.operator.embedded;

import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A Secret's values as text: {@code data} decoded, then {@code stringData} (which a real API server folds in). */
final class SecretValues {

    private SecretValues() {}

    static Map<String, String> of(Secret secret) {
        Map<String, String> values = new LinkedHashMap<>();
        if (secret == null) {
            return values;
        }
        Objects.requireNonNullElse(secret.getData(), Map.<String, String>of())
                .forEach((key, value) ->
                        values.put(key, new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8)));
        values.putAll(Objects.requireNonNullElse(secret.getStringData(), Map.of()));
        return values;
    }
}
