package io.pbxops.operator.gitops;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/**
 * One manifest of an export.
 *
 * @param file     where it goes, relative to the export's folder ({@code companies/acme/pbxs.yaml})
 * @param comments lines written above it: what the cloud could not tell, what a person should add
 */
public record ExportedObject(String file, HasMetadata object, List<String> comments) {

    public ExportedObject {
        comments = List.copyOf(comments);
    }
}
