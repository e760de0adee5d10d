package io.pbxops.operator.pbx.o2g;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * One attribute of a model object.
 *
 * @param typeValue {@code Enumerated}, {@code OctetString}, {@code Sequence}, {@code Integer}, {@code Boolean},
 *     {@code Set}, {@code ByteString}
 * @param allowedValues the values of an enumeration
 * @param lengthValue e.g. {@code 0..20}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record O2gAttributeModel(
        String name,
        Boolean mandatory,
        String typeValue,
        Boolean multiValue,
        List<String> allowedValues,
        String lengthValue,
        String defaultValue,
        Boolean filtering,
        String usedWhen) {

    public O2gAttributeModel {
        allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
    }
}
