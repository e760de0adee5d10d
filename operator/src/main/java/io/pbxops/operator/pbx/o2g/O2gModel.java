package io.pbxops.operator.pbx.o2g;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** An object of the OXE management model ({@code GET /pbxs/{nodeId}/model[/{objectName}]}), with its sub-objects. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record O2gModel(
        String objectName,
        Boolean hidden,
        Boolean create,
        Boolean delete,
        Boolean set,
        Boolean get,
        List<String> otherActions,
        List<O2gAttributeModel> attributes,
        List<O2gModel> objects) {

    public O2gModel {
        otherActions = otherActions == null ? List.of() : List.copyOf(otherActions);
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
        objects = objects == null ? List.of() : List.copyOf(objects);
    }

    /** This object and every sub-object, depth first. */
    public List<O2gModel> allObjects() {
        List<O2gModel> all = new ArrayList<>();
        collect(this, all);
        return all;
    }

    /** The first object (this one or below) whose name matches. */
    public Optional<O2gModel> findObject(Predicate<String> name) {
        return allObjects().stream()
                .filter(o -> o.objectName() != null && name.test(o.objectName()))
                .findFirst();
    }

    public Optional<O2gAttributeModel> attribute(String name) {
        return attributes.stream().filter(a -> name.equals(a.name())).findFirst();
    }

    private static void collect(O2gModel model, List<O2gModel> into) {
        into.add(model);
        model.objects().forEach(child -> collect(child, into));
    }
}
