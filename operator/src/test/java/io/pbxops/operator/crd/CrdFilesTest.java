package io.pbxops.operator.crd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The committed CRDs are exactly what the Java types generate, and carry what {@code kubectl} users rely on. */
class CrdFilesTest {

    private static final Path GENERATED = Path.of("target/classes/META-INF/fabric8");
    private static final List<Path> COMMITTED = List.of(Path.of("../crds"), Path.of("../charts/pbx-operator/crds"));
    private static final String REGENERATE = "; regenerate with: mvn -pl operator -am -Pupdate-crds process-classes";

    @ParameterizedTest
    @EnumSource(PbxOpsKinds.class)
    void committedCrdsAreWhatTheTypesGenerate(PbxOpsKinds kind) throws IOException {
        String generated = Files.readString(GENERATED.resolve(kind.crdFileName()));
        for (Path folder : COMMITTED) {
            Path committed = folder.resolve(kind.crdFileName());
            assertTrue(Files.exists(committed), committed + " is missing" + REGENERATE);
            assertEquals(generated, Files.readString(committed), committed + " differs from the types" + REGENERATE);
        }
    }

    @Test
    void noOtherCrdIsCommitted() throws IOException {
        for (Path folder : COMMITTED) {
            try (var files = Files.list(folder)) {
                assertEquals(
                        PbxOpsKinds.values().length,
                        files.count(),
                        folder + " holds a CRD no type generates" + REGENERATE);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(PbxOpsKinds.class)
    void eachCrdIsNamespacedWithStatusShortNameCategoryAndColumns(PbxOpsKinds kind) throws IOException {
        CustomResourceDefinition crd = Serialization.unmarshal(
                Files.readString(Path.of("../crds").resolve(kind.crdFileName())), CustomResourceDefinition.class);
        assertEquals(kind.crdName(), crd.getMetadata().getName());
        assertEquals("Namespaced", crd.getSpec().getScope());
        assertEquals(List.of("pbxops"), crd.getSpec().getNames().getCategories());
        assertFalse(crd.getSpec().getNames().getShortNames().isEmpty());
        CustomResourceDefinitionVersion version = crd.getSpec().getVersions().get(0);
        assertEquals("v1alpha1", version.getName());
        assertNotNull(version.getSubresources().getStatus(), "status subresource");
        List<String> columns = version.getAdditionalPrinterColumns().stream()
                .map(CustomResourceColumnDefinition::getName)
                .toList();
        assertTrue(columns.containsAll(List.of("Ready", "Synced", "Age")), columns.toString());
        assertEquals("Age", columns.get(columns.size() - 1), "AGE is the last column, as kubectl users expect");
        assertTrue(version.getSchema()
                .getOpenAPIV3Schema()
                .getProperties()
                .get("status")
                .getProperties()
                .containsKey("conditions"));
        assertTrue(version.getSchema()
                .getOpenAPIV3Schema()
                .getProperties()
                .get("status")
                .getProperties()
                .containsKey("observedGeneration"));
    }

    @Test
    void pbxColumnsAreTheOnesAnAdminLooksFor() {
        CustomResourceDefinition crd = CrdCatalog.definition(PbxOpsKinds.PBX);
        List<CustomResourceColumnDefinition> columns =
                crd.getSpec().getVersions().get(0).getAdditionalPrinterColumns();
        List<String> shown = columns.stream()
                .filter(c -> c.getPriority() == 0)
                .map(CustomResourceColumnDefinition::getName)
                .toList();
        assertEquals(List.of("Type", "Company", "Connection", "Companies", "Ready", "Synced", "Age"), shown);
        assertEquals(List.of("px"), crd.getSpec().getNames().getShortNames());
    }

    @Test
    void shortNamesAreDistinct() {
        List<String> shortNames = PbxOpsKinds.all().stream()
                .flatMap(kind -> CrdCatalog.definition(kind).getSpec().getNames().getShortNames().stream())
                .toList();
        assertEquals(shortNames.size(), shortNames.stream().distinct().count(), shortNames.toString());
    }
}
