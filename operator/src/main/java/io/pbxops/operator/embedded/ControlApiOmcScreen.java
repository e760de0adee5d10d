package io.pbxops.operator.embedded;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.pbxops.simulator.OxoRainbowSettings;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The OMC step through the simulator's control API ({@code PUT /sim/v1/oxo/{serial}/rainbow}), from another process. */
public final class ControlApiOmcScreen implements OxoInstaller.OmcScreen {

    private final URI control;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ControlApiOmcScreen(URI control) {
        this.control = control;
    }

    @Override
    public void enter(String serial, OxoRainbowSettings settings) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(
                            control + "/oxo/" + URLEncoder.encode(serial, StandardCharsets.UTF_8) + "/rainbow"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(
                            Serialization.jsonMapper().writeValueAsString(settings)))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(
                        "the simulator refused the OMC step for " + serial + ": HTTP " + response.statusCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the simulator at " + control + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }
}
