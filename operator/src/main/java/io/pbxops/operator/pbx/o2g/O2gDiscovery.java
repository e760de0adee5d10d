package io.pbxops.operator.pbx.o2g;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Optional;

/** {@code GET /api/rest}: what the gateway is and which API versions it serves. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record O2gDiscovery(ServerInfo serverInfo, List<Version> versions) {

    public O2gDiscovery {
        versions = versions == null ? List.of() : List.copyOf(versions);
    }

    /** The version marked {@code CURRENT}, else the first one listed. */
    public Optional<Version> currentVersion() {
        return versions.stream()
                .filter(v -> "CURRENT".equalsIgnoreCase(v.status()))
                .findFirst()
                .or(() -> versions.stream().findFirst());
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ServerInfo(String productName, String productType, ProductVersion productVersion, Boolean haMode) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProductVersion(String major, String minor) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Version(String id, String status, String publicUrl, String internalUrl) {}
}
