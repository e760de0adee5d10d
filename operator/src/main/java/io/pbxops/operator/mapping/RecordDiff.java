package io.pbxops.operator.mapping;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Compares a desired record of cloud settings with the observed one. A null desired field is not managed and never
 * compared; a nested record is compared field by field, and when it changes the update carries it whole, filled in
 * with the observed values of its unmanaged fields (the cloud replaces nested objects whole).
 */
final class RecordDiff {

    private RecordDiff() {}

    static <T extends Record> Changes<T> diff(Class<T> type, T observed, T desired) {
        List<FieldChange> fields = new ArrayList<>();
        T update = diff(type, observed, desired, "", fields);
        return new Changes<>(fields.isEmpty() ? null : update, fields);
    }

    private static <T extends Record> T diff(
            Class<T> type, T observed, T desired, String prefix, List<FieldChange> fields) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] update = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            Object want = value(component, desired);
            Object have = observed == null ? null : value(component, observed);
            String name = unwrapped(component) ? prefix : prefix + wireName(component);
            if (want == null) {
                continue;
            }
            if (want instanceof Record wantRecord) {
                List<FieldChange> nested = new ArrayList<>();
                @SuppressWarnings("unchecked")
                Class<Record> nestedType = (Class<Record>) component.getType();
                String nestedPrefix = unwrapped(component) ? prefix : name + ".";
                diff(nestedType, (Record) have, wantRecord, nestedPrefix, nested);
                if (!nested.isEmpty()) {
                    fields.addAll(nested);
                    update[i] = overlay(nestedType, (Record) have, wantRecord);
                }
            } else if (!Objects.equals(want, have)) {
                fields.add(new FieldChange(name, have, want));
                update[i] = want;
            }
        }
        return construct(type, update);
    }

    /** The observed record with every non-null desired field put over it. */
    static <T extends Record> T overlay(Class<T> type, T observed, T desired) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            Object want = value(components[i], desired);
            Object have = observed == null ? null : value(components[i], observed);
            if (want instanceof Record wantRecord && have instanceof Record haveRecord) {
                @SuppressWarnings("unchecked")
                Class<Record> nestedType = (Class<Record>) components[i].getType();
                values[i] = overlay(nestedType, haveRecord, wantRecord);
            } else {
                values[i] = want != null ? want : have;
            }
        }
        return construct(type, values);
    }

    private static String wireName(RecordComponent component) {
        // Jackson's annotations do not target record components: they reach the accessor.
        JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
        return property != null && !property.value().isEmpty() ? property.value() : component.getName();
    }

    private static boolean unwrapped(RecordComponent component) {
        return component.getAccessor().isAnnotationPresent(JsonUnwrapped.class);
    }

    private static Object value(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }

    private static <T extends Record> T construct(Class<T> type, Object[] values) {
        try {
            Class<?>[] parameterTypes = new Class<?>[type.getRecordComponents().length];
            for (int i = 0; i < parameterTypes.length; i++) {
                parameterTypes[i] = type.getRecordComponents()[i].getType();
            }
            Constructor<T> constructor = type.getDeclaredConstructor(parameterTypes);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }
}
