package io.pbxops.simulator.o2g;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * One attribute of an OXE object model, in O2G's shape. {@code readOnly} and {@code writeOnly} are the simulator's
 * own rules and stay out of the JSON.
 */
record AttributeModel(
        String name,
        boolean mandatory,
        String typeValue,
        boolean multiValue,
        List<String> allowedValues,
        String lengthValue,
        String defaultValue,
        boolean filtering,
        String usedWhen,
        @JsonIgnore boolean readOnly,
        @JsonIgnore boolean writeOnly) {

    static final String MASK = "********";

    static AttributeModel text(String name, int maxLength, String defaultValue) {
        return new AttributeModel(
                name, false, "OctetString", false, List.of(), "0.." + maxLength, defaultValue, true, "", false, false);
    }

    static AttributeModel enumerated(String name, List<String> values, String defaultValue) {
        return new AttributeModel(name, false, "Enumerated", false, values, "", defaultValue, true, "", false, false);
    }

    AttributeModel asReadOnly() {
        return new AttributeModel(
                name,
                mandatory,
                typeValue,
                multiValue,
                allowedValues,
                lengthValue,
                defaultValue,
                filtering,
                usedWhen,
                true,
                false);
    }

    AttributeModel asWriteOnly() {
        return new AttributeModel(
                name,
                mandatory,
                typeValue,
                multiValue,
                allowedValues,
                lengthValue,
                defaultValue,
                filtering,
                usedWhen,
                false,
                true);
    }

    /** Why {@code values} cannot be written to this attribute, or null. */
    String rejection(List<String> values) {
        if (readOnly) {
            return "Attribute " + name + " is read-only";
        }
        if (values == null || values.stream().anyMatch(v -> v == null)) {
            return "Attribute " + name + " needs a value array of strings";
        }
        if (!multiValue && values.size() != 1) {
            return "Attribute " + name + " takes exactly one value";
        }
        for (String value : values) {
            if (!allowedValues.isEmpty() && !allowedValues.contains(value)) {
                return "Invalid value for enumerated attribute " + name + ", expected one of " + allowedValues;
            }
            if (lengthValue.startsWith("0..") && value.length() > Integer.parseInt(lengthValue.substring(3))) {
                return "Value of attribute " + name + " is longer than " + lengthValue.substring(3);
            }
        }
        return null;
    }
}
