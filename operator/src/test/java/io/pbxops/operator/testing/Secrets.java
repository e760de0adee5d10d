package io.pbxops.operator.testing;

import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** The values of a Secret as its reader sees them: {@code data} decoded, then {@code stringData} over it. */
public final class Secrets {

    private Secrets() {}

    public static Map<String, String> values(Secret secret) {
        Map<String, String> values = new HashMap<>();
        if (secret.getData() != null) {
            secret.getData()
                    .forEach((key, value) ->
                            values.put(key, new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8)));
        }
        if (secret.getStringData() != null) {
            values.putAll(secret.getStringData());
        }
        return values;
    }

    /** One value; fails the test when the Secret has no such key. */
    public static String value(Secret secret, String key) {
        String value = values(secret).get(key);
        if (value == null) {
            throw new AssertionError("Secret " + secret.getMetadata().getName() + " has no " + key);
        }
        return value;
    }
}
