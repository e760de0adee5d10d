package io.pbxops.operator.pbx.o2g;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An attribute of an instance: every value is a string array ({@code ["Yes"]}, {@code ["true"]}).
 * {@link #toString()} masks the values of attributes whose name says they are secret (password, code, secret, PBX
 * ID).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record O2gAttribute(String name, List<String> value) {

    /** Passwords and codes, and the PBX ID: a fleet PBX's equipment ID is also its activation code. */
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|passwd|code|secret|pbx_?id).*");

    public O2gAttribute {
        value = value == null ? List.of() : List.copyOf(value);
    }

    public static O2gAttribute of(String name, String... values) {
        return new O2gAttribute(name, List.of(values));
    }

    /** The first value, or null. */
    public String first() {
        return value.isEmpty() ? null : value.get(0);
    }

    /** True when the name says the attribute holds a secret. */
    public static boolean isSecret(String name) {
        return name != null && SECRET_NAME.matcher(name).matches();
    }

    @Override
    public String toString() {
        return "O2gAttribute[name=" + name + ", value=" + (isSecret(name) && !value.isEmpty() ? "****" : value) + "]";
    }
}
