package io.pbxops.operator.pbx.o2g;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Optional;

/**
 * The answer of {@code POST /api/rest/1.0/sessions}.
 *
 * @param timeToLive seconds the session lives without activity (1800 by default)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record O2gSessionInfo(
        Boolean admin, Integer timeToLive, String publicBaseUrl, String privateBaseUrl, List<Service> services) {

    public O2gSessionInfo {
        services = services == null ? List.of() : List.copyOf(services);
    }

    /** A service by name, case-insensitive (the Java SDK keys them by lower-cased name). */
    public Optional<Service> service(String name) {
        return services.stream()
                .filter(s -> name.equalsIgnoreCase(s.serviceName()))
                .findFirst();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Service(String serviceName, String serviceVersion, String relativeUrl) {}
}
