package io.pbxops.simulator.o2g;

import java.util.List;
import java.util.Optional;

/** One OXE management object's model, in O2G's shape; {@code objects} nests the sub-objects. */
record ObjectModel(
        String objectName,
        boolean hidden,
        boolean create,
        boolean delete,
        boolean set,
        boolean get,
        List<String> otherActions,
        List<AttributeModel> attributes,
        List<ObjectModel> objects) {

    static ObjectModel settable(String objectName, List<AttributeModel> attributes) {
        return new ObjectModel(objectName, false, false, false, true, true, List.of(), attributes, List.of());
    }

    Optional<AttributeModel> attribute(String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
    }
}
