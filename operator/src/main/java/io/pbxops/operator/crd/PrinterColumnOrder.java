package io.pbxops.operator.crd;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Build step run right after the CRD generator: it puts the printer columns in the order the kind declares them
 * (the generator sorts them by JSON path, which would print AGE first in {@code kubectl get}).
 * Usage: {@code PrinterColumnOrder <folder of generated CRDs>}.
 */
public final class PrinterColumnOrder {

    static final String HEADER =
            "# Generated from the Java types in operator/src/main/java/io/pbxops/operator/api: do not edit.\n";

    private PrinterColumnOrder() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: PrinterColumnOrder <folder of generated CRDs>");
        }
        Path folder = Path.of(args[0]);
        for (PbxOpsKinds kind : PbxOpsKinds.all()) {
            Path file = folder.resolve(kind.crdFileName());
            CustomResourceDefinition crd =
                    Serialization.unmarshal(Files.readString(file), CustomResourceDefinition.class);
            List<String> declared = Arrays.stream(kind.type().getAnnotationsByType(AdditionalPrinterColumn.class))
                    .map(AdditionalPrinterColumn::name)
                    .toList();
            for (CustomResourceDefinitionVersion version : crd.getSpec().getVersions()) {
                version.getAdditionalPrinterColumns()
                        .sort(Comparator.comparingInt(
                                (CustomResourceColumnDefinition column) -> position(declared, column.getName())));
            }
            Files.writeString(file, HEADER + Serialization.asYaml(crd), StandardCharsets.UTF_8);
        }
    }

    /** Columns the kind declares come in that order; any other (from a field annotation) after them. */
    private static int position(List<String> declared, String name) {
        int index = declared.indexOf(name);
        return index < 0 ? declared.size() : index;
    }
}
