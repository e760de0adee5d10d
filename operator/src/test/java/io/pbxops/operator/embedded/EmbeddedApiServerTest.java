package io.pbxops.operator.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.pbxops.operator.api.Company;
import io.pbxops.operator.api.CompanyStatus;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The embedded API server as kubectl and the operator see it: discovery, admission, patches, tables, watches. */
class EmbeddedApiServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACME = """
            {"apiVersion":"pbxops.io/v1alpha1","kind":"Company","metadata":{"name":"acme","namespace":"default"},
             "spec":{"displayName":"ACME","country":"FRA","externalReference":"crm-1"}}""";

    private EmbeddedApiServer server;
    private KubernetesClient client;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        server = EmbeddedApiServer.start(0);
        client = server.client();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void discoveryNamesTheKindsWithShortNamesCategoriesAndStatus() throws Exception {
        JsonNode resources = get("/apis/pbxops.io/v1alpha1", "application/json").path("resources");
        JsonNode pbxs = find(resources, "pbxs");
        assertEquals("Pbx", pbxs.path("kind").asText());
        assertEquals("[\"px\"]", pbxs.path("shortNames").toString());
        assertEquals("[\"pbxops\"]", pbxs.path("categories").toString());
        assertFalse(find(resources, "pbxs/status").isMissingNode(), "the status subresource");
        assertTrue(get("/apis?timeout=32s", "application/json").toString().contains("pbxops.io/v1alpha1"));
        assertFalse(find(get("/api/v1", "application/json").path("resources"), "secrets")
                .isMissingNode());
        JsonNode openApi = get("/openapi/v3/apis/pbxops.io/v1alpha1", "application/json");
        assertTrue(
                openApi.at("/paths/~1apis~1pbxops.io~1v1alpha1~1namespaces~1{namespace}~1pbxs~1{name}/patch/parameters")
                        .toString()
                        .contains("fieldValidation"),
                "kubectl learns that the server validates");
        assertTrue(get("/openapi/v3", "application/json")
                .at("/paths/apis~1pbxops.io~1v1alpha1/serverRelativeURL")
                .asText()
                .startsWith("/openapi/v3/apis/pbxops.io/v1alpha1?hash="));
    }

    @Test
    void anInvalidObjectIsRefusedWith422NamingTheField() {
        KubernetesClientException refused = assertThrows(
                KubernetesClientException.class,
                () -> client.resource(ACME.replace("FRA", "XXX")).create());
        assertEquals(422, refused.getCode());
        assertEquals("Invalid", refused.getStatus().getReason());
        assertEquals(
                "spec.country",
                refused.getStatus().getDetails().getCauses().get(0).getField());
        assertTrue(
                refused.getStatus().getMessage().startsWith("Company.pbxops.io \"acme\" is invalid: spec.country: "),
                refused.getStatus().getMessage());
        assertNull(client.resources(Company.class).withName("acme").get(), "nothing stored");
    }

    @Test
    void admissionRefusesWhatTheCloudWouldNotTakeNamingTheFieldAndTheFix() {
        KubernetesClientException noState = assertThrows(
                KubernetesClientException.class,
                () -> client.resource(ACME.replace("FRA", "USA")).create());
        assertEquals(422, noState.getCode());
        assertEquals(
                "spec.state",
                noState.getStatus().getDetails().getCauses().get(0).getField());

        String plan = """
                {"apiVersion":"pbxops.io/v1alpha1","kind":"NumberingPlan","metadata":{"name":"fr","namespace":"default"},
                 "spec":{"rules":[{"match":"^218","replace":"039067"},{"match":"^0(\\\\d{9})$","replace":"+33$1"}]}}""";
        KubernetesClientException digits = assertThrows(
                KubernetesClientException.class, () -> client.resource(plan).create());
        assertEquals(422, digits.getCode());
        assertEquals(
                "spec.rules[1].match",
                digits.getStatus().getDetails().getCauses().get(0).getField());
        assertTrue(
                digits.getStatus().getMessage().contains("use [0-9] instead of \\d"),
                digits.getStatus().getMessage());

        client.resource(plan.replace("\\\\d", "[0-9]")).create();
        client.resource(ACME.replace("\"FRA\"", "\"USA\",\"state\":\"US-NY\"")).create();
        assertEquals(
                "US-NY",
                client.resources(Company.class).withName("acme").get().getSpec().getState());
    }

    @Test
    void patchesAreAdmittedAndAppliedWithTheirRealSemantics() throws Exception {
        client.resource(ACME).create();
        HttpResponse<String> invalid = patch(
                "/apis/pbxops.io/v1alpha1/namespaces/default/companies/acme",
                "application/merge-patch+json",
                "{\"spec\":{\"country\":\"France\"}}");
        assertEquals(422, invalid.statusCode());
        assertTrue(invalid.body().contains("spec.country"));

        HttpResponse<String> removing = patch(
                "/apis/pbxops.io/v1alpha1/namespaces/default/companies/acme",
                "application/merge-patch+json",
                "{\"spec\":{\"externalReference\":null}}");
        assertEquals(2, removing.statusCode() / 100, removing.body());
        Company stored = client.resources(Company.class).withName("acme").get();
        assertNull(stored.getSpec().getExternalReference(), "a merge patch's null removes the field");
        assertEquals("FRA", stored.getSpec().getCountry());
    }

    @Test
    void theStatusChangesOnlyThroughItsSubresource() throws Exception {
        Company acme = client.resources(Company.class)
                .resource(Serialization.unmarshal(ACME, Company.class))
                .create();
        CompanyStatus status = new CompanyStatus();
        status.setCompanyId("c-1");
        acme.setStatus(status);
        client.resources(Company.class).resource(acme).updateStatus();
        HttpResponse<String> sneaky = patch(
                "/apis/pbxops.io/v1alpha1/namespaces/default/companies/acme",
                "application/merge-patch+json",
                "{\"status\":{\"companyId\":\"c-2\"},\"metadata\":{\"labels\":{\"team\":\"a\"}}}");
        assertEquals(2, sneaky.statusCode() / 100, sneaky.body());
        Company stored = client.resources(Company.class).withName("acme").get();
        assertEquals("c-1", stored.getStatus().getCompanyId());
        assertEquals("a", stored.getMetadata().getLabels().get("team"));
    }

    @Test
    void aSecretsStringDataIsFoldedIntoData() {
        client.secrets()
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName("o2g")
                        .endMetadata()
                        .withStringData(Map.of("username", "admin"))
                        .build())
                .create();
        Secret stored = client.secrets().withName("o2g").get();
        assertTrue(stored.getStringData() == null || stored.getStringData().isEmpty(), "no stringData kept");
        assertEquals(
                "admin",
                new String(Base64.getDecoder().decode(stored.getData().get("username")), StandardCharsets.UTF_8));
    }

    @Test
    void kubectlGetsTablesWithThePrinterColumns() throws Exception {
        client.resource(ACME).create();
        JsonNode table = get(
                "/apis/pbxops.io/v1alpha1/namespaces/default/companies?limit=500",
                "application/json;as=Table;v=v1;g=meta.k8s.io,application/json");
        assertEquals("Table", table.path("kind").asText());
        assertEquals("Name", table.at("/columnDefinitions/0/name").asText());
        assertTrue(table.path("columnDefinitions").toString().contains("\"Country\""), table.toString());
        assertEquals("acme", table.at("/rows/0/cells/0").asText());
        assertTrue(table.at("/rows/0/cells").toString().contains("FRA"));
        assertEquals(
                "CompanyList",
                get("/apis/pbxops.io/v1alpha1/namespaces/default/companies", "application/json")
                        .path("kind")
                        .asText());
    }

    @Test
    void eventsAreSelectedByTheObjectTheyAreAbout() throws Exception {
        for (String name : new String[] {"acme", "globex"}) {
            client.v1()
                    .events()
                    .resource(new EventBuilder()
                            .withNewMetadata()
                            .withName(name + ".1")
                            .endMetadata()
                            .withNewInvolvedObject()
                            .withKind("Company")
                            .withName(name)
                            .withNamespace("default")
                            .endInvolvedObject()
                            .withReason("Created")
                            .build())
                    .create();
        }
        JsonNode events = get(
                "/api/v1/namespaces/default/events?fieldSelector=involvedObject.kind%3DCompany%2CinvolvedObject.name%3Dacme",
                "application/json");
        assertEquals(1, events.path("items").size());
        assertEquals("EventList", events.path("kind").asText());
    }

    @Test
    void aWatchOverPlainHttpStreamsTheChangesAfterItsResourceVersionInOrder() throws Exception {
        String before = get("/apis/pbxops.io/v1alpha1/namespaces/default/companies", "application/json")
                .at("/metadata/resourceVersion")
                .asText();
        client.resource(Serialization.unmarshal(ACME, Company.class)).create();
        assertEquals(
                200,
                patch(
                                "/apis/pbxops.io/v1alpha1/namespaces/default/companies/acme",
                                "application/merge-patch+json",
                                "{\"metadata\":{\"labels\":{\"tier\":\"gold\"}}}")
                        .statusCode());
        client.resources(Company.class).withName("acme").delete();

        // The stream ends at timeoutSeconds, as kube-apiserver ends it: the body is then every line sent.
        HttpResponse<String> watch = http.send(
                HttpRequest.newBuilder(server.url()
                                .resolve(
                                        "/apis/pbxops.io/v1alpha1/namespaces/default/companies?watch=true&timeoutSeconds=1"
                                                + "&resourceVersion=" + before))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, watch.statusCode());
        List<JsonNode> events = new ArrayList<>();
        for (String line : watch.body().split("\n")) {
            events.add(JSON.readTree(line));
        }
        assertEquals(
                List.of("ADDED", "MODIFIED", "DELETED"),
                events.stream().map(event -> event.path("type").asText()).toList(),
                watch.body());
        assertEquals("gold", events.get(1).at("/object/metadata/labels/tier").asText());
        long[] versions = events.stream()
                .mapToLong(event -> Long.parseLong(
                        event.at("/object/metadata/resourceVersion").asText()))
                .toArray();
        assertTrue(
                Long.parseLong(before) < versions[0] && versions[0] < versions[1] && versions[1] < versions[2],
                "resource versions grow: " + Arrays.toString(versions));

        HttpResponse<String> selected = http.send(
                HttpRequest.newBuilder(server.url()
                                .resolve(
                                        "/apis/pbxops.io/v1alpha1/namespaces/default/companies?watch=true&timeoutSeconds=1"
                                                + "&labelSelector=tier%3Dsilver&resourceVersion=" + before))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("", selected.body(), "a label selector no object matched");
    }

    @Test
    void aFieldSelectorTheKindDoesNotHaveIsRefusedAsKubeApiserverRefusesIt() throws Exception {
        HttpResponse<String> refused = http.send(
                HttpRequest.newBuilder(
                                server.url()
                                        .resolve(
                                                "/apis/pbxops.io/v1alpha1/namespaces/default/companies?fieldSelector=spec.country%3DFRA"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, refused.statusCode());
        assertEquals(
                "field label not supported: spec.country",
                JSON.readTree(refused.body()).path("message").asText());
    }

    @Test
    void aMissingObjectIsNamedInTheNotFoundStatus() throws Exception {
        HttpResponse<String> missing = http.send(
                HttpRequest.newBuilder(server.url().resolve("/apis/pbxops.io/v1alpha1/namespaces/default/pbxs/foo"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, missing.statusCode());
        JsonNode status = JSON.readTree(missing.body());
        assertEquals("pbxs.pbxops.io \"foo\" not found", status.path("message").asText());
        assertEquals("NotFound", status.path("reason").asText());
        assertEquals("foo", status.at("/details/name").asText());
        assertEquals("pbxops.io", status.at("/details/group").asText());
        assertEquals("pbxs", status.at("/details/kind").asText());
        assertEquals(
                "secrets \"nope\" not found",
                JSON.readTree(http.send(
                                        HttpRequest.newBuilder(
                                                        server.url().resolve("/api/v1/namespaces/default/secrets/nope"))
                                                .DELETE()
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .body())
                        .path("message")
                        .asText());
    }

    @Test
    void aServerDryRunStoresNothing() throws Exception {
        HttpResponse<String> dryRun = http.send(
                HttpRequest.newBuilder(
                                server.url()
                                        .resolve(
                                                "/apis/pbxops.io/v1alpha1/namespaces/default/companies?dryRun=All&fieldValidation=Strict"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(ACME))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, dryRun.statusCode());
        assertNull(client.resources(Company.class).withName("acme").get());
    }

    private JsonNode get(String path, String accept) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(server.url().resolve(path))
                        .header("Accept", accept)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> patch(String path, String contentType, String body)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(server.url() + path))
                        .header("Content-Type", contentType)
                        .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode find(JsonNode resources, String name) {
        for (JsonNode resource : resources) {
            if (name.equals(resource.path("name").asText())) {
                return resource;
            }
        }
        return MissingNode.getInstance();
    }
}
