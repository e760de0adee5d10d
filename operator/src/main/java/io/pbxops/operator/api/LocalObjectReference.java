package io.pbxops.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** A reference to another object of the same namespace, by name. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LocalObjectReference {

    @Required
    @Pattern(ObjectNames.DNS_SUBDOMAIN)
    @JsonPropertyDescription("Name of the object, in the same namespace.")
    private String name;

    public LocalObjectReference() {}

    public LocalObjectReference(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LocalObjectReference other && Objects.equals(name, other.name);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(name);
    }

    @Override
    public String toString() {
        return "{name: " + name + "}";
    }
}
