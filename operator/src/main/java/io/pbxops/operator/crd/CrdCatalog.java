package io.pbxops.operator.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/** The CRDs generated from the API types, as packaged in the jar ({@code META-INF/fabric8}). */
public final class CrdCatalog {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<PbxOpsKinds, String> TEXTS = loadAll();

    private CrdCatalog() {}

    /** The CRD's YAML exactly as generated. */
    public static String yaml(PbxOpsKinds kind) {
        return TEXTS.get(kind);
    }

    public static CustomResourceDefinition definition(PbxOpsKinds kind) {
        return Serialization.unmarshal(yaml(kind), CustomResourceDefinition.class);
    }

    /** The served version's {@code openAPIV3Schema}. */
    public static JsonNode openApiSchema(PbxOpsKinds kind) {
        try {
            return YAML.readTree(yaml(kind)).at("/spec/versions/0/schema/openAPIV3Schema");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<PbxOpsKinds, String> loadAll() {
        Map<PbxOpsKinds, String> texts = new EnumMap<>(PbxOpsKinds.class);
        for (PbxOpsKinds kind : PbxOpsKinds.values()) {
            String resource = "/META-INF/fabric8/" + kind.crdFileName();
            try (InputStream in = CrdCatalog.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(
                            "CRD " + resource + " is not on the class path: was the build's CRD generation skipped?");
                }
                texts.put(kind, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return texts;
    }
}
