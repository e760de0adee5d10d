package io.pbxops.operator.pbx.o2g;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/**
 * An object instance ({@code GET /pbxs/{n}/instances/{Obj}/{id}}), or the node's root object
 * ({@code GET /pbxs/{n}/instances}) whose {@code objectNames} lists the sub-objects.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record O2gInstance(String objectName, String objectId, List<O2gAttribute> attributes, List<String> objectNames) {

    public O2gInstance {
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
        objectNames = objectNames == null ? List.of() : List.copyOf(objectNames);
    }

    public Optional<O2gAttribute> attribute(String name) {
        return attributes.stream().filter(a -> name.equals(a.name())).findFirst();
    }

    /** The first value of an attribute, if present. */
    public Optional<String> value(String name) {
        return attribute(name).map(O2gAttribute::first);
    }
}
