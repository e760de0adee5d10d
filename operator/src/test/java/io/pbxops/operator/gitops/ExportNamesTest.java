package io.pbxops.operator.gitops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExportNamesTest {

    @Test
    void slugsAreKubernetesNamesDerivedFromTheCloudName() {
        assertEquals("acme-industries-lyon", ExportNames.slug("ACME Industries (Lyon)"));
        assertEquals("societe-generale-telecom", ExportNames.slug("Société Générale — Télécom"));
        assertEquals("unnamed", ExportNames.slug("***"));
        String long_ = ExportNames.slug("x".repeat(300));
        // 63: the longest Kubernetes object name (a DNS label).
        assertTrue(long_.length() <= 63 && ExportNames.isObjectName(long_), long_);
    }

    @Test
    void aPbxNameStartsWithItsCompanyOnce() {
        assertEquals("acme-oxe-1", ExportNames.prefixed("acme", "ACME-OXE-1"));
        assertEquals("acme-oxe1", ExportNames.prefixed("acme", "OXE1"));
    }

    @Test
    void clashesAreSettledByCloudIdTheSameWayWhateverTheOrder() {
        Map<String, String> wanted = new LinkedHashMap<>();
        wanted.put("5a28c5e1f3a9c81b2c3d4e61", "acme");
        wanted.put("5a28c5e1f3a9c81b2c3d4e5f", "acme");
        wanted.put("5a28c5e1f3a9c81b2c3d4e70", "globex");
        Map<String, String> names = ExportNames.unique(wanted);
        assertEquals("acme", names.get("5a28c5e1f3a9c81b2c3d4e5f"));
        assertEquals("acme-3d4e61", names.get("5a28c5e1f3a9c81b2c3d4e61"));
        assertEquals("globex", names.get("5a28c5e1f3a9c81b2c3d4e70"));
        Map<String, String> reversed = new LinkedHashMap<>();
        wanted.keySet().stream().sorted(Comparator.reverseOrder()).forEach(id -> reversed.put(id, wanted.get(id)));
        assertEquals(names, Map.copyOf(ExportNames.unique(reversed)));
    }
}
