package io.pbxops.operator.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pbxops.operator.api.Pbx;
import io.pbxops.operator.cloud.CloudBudget;
import io.pbxops.operator.testing.FleetHarness;
import io.pbxops.operator.testing.FleetManifests;
import io.pbxops.simulator.FaultTarget;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Grafana dashboard queries what a running operator exports: every metric name (and every label) in its
 * queries is found in a real scrape of /metrics after a small scenario that makes each kind of metric appear — a
 * company and an OmniPCX managed through O2G, a cloud that fails twice (retries), a tight request budget (waits).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardTest {

    static final Path DASHBOARD = Path.of("../charts/pbx-operator/dashboards/pbx-operator.json");
    /** Labels Prometheus gives every series it scrapes through a ServiceMonitor: not the operator's to export. */
    static final Set<String> TARGET_LABELS = Set.of("namespace", "pod", "instance", "job", "service", "container");

    private static final Pattern NAME_MATCHER = Pattern.compile("__name__\\s*=~\\s*\"([^\"]+)\"");
    private static final Pattern STRING = Pattern.compile("\"[^\"]*\"");
    private static final Pattern METRIC = Pattern.compile("\\b(?:pbxops|operator_sdk|jvm|process)_[a-zA-Z0-9_]+");
    private static final Pattern LABEL_MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(?:=~|!~|!=|=)\\s*\"");
    private static final Pattern GROUPING = Pattern.compile("\\b(?:by|without)\\s*\\(([^)]*)\\)");
    private static final Pattern LABEL_VALUES =
            Pattern.compile("label_values\\(\\s*([a-zA-Z0-9_:]+)[^,]*,\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*\\)");

    private FleetHarness fleet;
    /** Metric name to the label names it has, from the scrape. */
    private Map<String, Set<String>> exported;

    private JsonNode dashboard;

    /** One scenario, scraped once: every case reads the same scrape. */
    @BeforeAll
    void runAScenarioAndScrape() throws Exception {
        dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        fleet = FleetHarness.start(simulator -> simulator, settings -> settings, false);
        fleet.setOps("127.0.0.1", 0);
        fleet.setBudget(CloudBudget.of(1, 3, Duration.ofSeconds(60)));
        fleet.startOperator();
        FleetManifests.addAcmeO2gHost(fleet.simulator());
        fleet.simulator()
                .control()
                .updateFaults(
                        FaultTarget.CLOUD, faults -> faults.withFailNext(2).withErrorStatuses(List.of(503)));
        fleet.apply(FleetManifests.ACME);
        fleet.apply(FleetManifests.ACME_OXE);
        fleet.awaitReady(Pbx.class, "acme-oxe1");
        exported = parse(scrape());
    }

    @AfterAll
    void stop() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void everyMetricTheDashboardQueriesIsExported() {
        Set<String> missing = new TreeSet<>();
        List<String> queries = queries();
        for (String query : queries) {
            Set<String> names = metricNames(query);
            assertFalse(
                    names.isEmpty() && nameRegexes(query).isEmpty(),
                    () -> "a query names no metric the check can see: " + query);
            names.stream().filter(name -> !exported.containsKey(name)).forEach(missing::add);
            for (String regex : nameRegexes(query)) {
                if (exported.keySet().stream().noneMatch(name -> name.matches(regex))) {
                    missing.add("__name__=~\"" + regex + "\"");
                }
            }
        }
        assertTrue(
                missing.isEmpty(),
                () -> "the dashboard queries metrics the operator does not export: " + missing + "\nexported: "
                        + new TreeSet<>(exported.keySet()));
        // The check sees the project's metrics and JOSDK's: the dashboard is built on both.
        Set<String> queried = new TreeSet<>();
        queries.forEach(q -> queried.addAll(metricNames(q)));
        for (String expected : List.of(
                "pbxops_cloud_requests_total",
                "pbxops_cloud_retries_total",
                "pbxops_cloud_budget_waits_total",
                "pbxops_pbx_requests_total",
                "pbxops_reconcile_seconds_count",
                "pbxops_objects",
                "operator_sdk_reconciliations_started_total",
                "operator_sdk_controllers_execution_reconcile_seconds_bucket")) {
            assertTrue(
                    queried.contains(expected),
                    () -> "the dashboard does not show " + expected + "; it shows " + queried);
        }
    }

    @Test
    void everyLabelTheDashboardUsesIsOnTheMetricsItQueries() {
        List<String> problems = new ArrayList<>();
        for (String query : queries()) {
            Set<String> labelsOfItsMetrics = new HashSet<>(TARGET_LABELS);
            metricNames(query).forEach(name -> labelsOfItsMetrics.addAll(exported.getOrDefault(name, Set.of())));
            for (String regex : nameRegexes(query)) {
                exported.forEach((name, labels) -> {
                    if (name.matches(regex)) {
                        labelsOfItsMetrics.addAll(labels);
                    }
                });
            }
            for (String label : labels(query)) {
                if (!labelsOfItsMetrics.contains(label)) {
                    problems.add("label " + label + " in: " + query);
                }
            }
        }
        assertTrue(problems.isEmpty(), () -> "labels the queried metrics do not have:\n" + String.join("\n", problems));
    }

    @Test
    void theDashboardIsAGrafanaDashboardOnAPrometheusDataSourceVariable() {
        assertEquals("pbx-operator", dashboard.path("uid").asText());
        assertEquals("pbx-operator", dashboard.path("title").asText());
        JsonNode variables = dashboard.path("templating").path("list");
        assertTrue(variables.findValuesAsText("name").containsAll(List.of("datasource", "namespace")));
        int panelsWithQueries = 0;
        for (JsonNode panel : dashboard.path("panels")) {
            if (panel.path("type").asText().equals("row")) {
                continue;
            }
            panelsWithQueries++;
            assertEquals(
                    "${datasource}",
                    panel.path("datasource").path("uid").asText(),
                    panel.path("title").asText());
            assertFalse(panel.path("targets").isEmpty(), panel.path("title").asText());
            Set<String> refIds = new HashSet<>();
            for (JsonNode target : panel.path("targets")) {
                assertTrue(
                        refIds.add(target.path("refId").asText()),
                        "duplicate refId in " + panel.path("title").asText());
                assertFalse(target.path("expr").asText().isBlank());
            }
        }
        assertTrue(panelsWithQueries >= 10, "a dashboard worth the name");
    }

    /** Every PromQL query of the dashboard: the panels' targets and the template variables'. */
    private List<String> queries() {
        List<String> queries = new ArrayList<>(dashboard.findValuesAsText("expr"));
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if (variable.path("type").asText().equals("query")) {
                queries.add(variable.path("query").path("query").asText());
            }
        }
        return queries;
    }

    static Set<String> metricNames(String query) {
        Set<String> names = new TreeSet<>();
        Matcher metric = METRIC.matcher(STRING.matcher(query).replaceAll("\"\""));
        while (metric.find()) {
            names.add(metric.group());
        }
        return names;
    }

    static Set<String> nameRegexes(String query) {
        Set<String> regexes = new TreeSet<>();
        Matcher matcher = NAME_MATCHER.matcher(query);
        while (matcher.find()) {
            regexes.add(matcher.group(1));
        }
        return regexes;
    }

    static Set<String> labels(String query) {
        Set<String> labels = new TreeSet<>();
        Matcher matcher = LABEL_MATCHER.matcher(query);
        while (matcher.find()) {
            labels.add(matcher.group(1));
        }
        Matcher grouping = GROUPING.matcher(query);
        while (grouping.find()) {
            for (String label : grouping.group(1).split(",")) {
                if (!label.isBlank()) {
                    labels.add(label.trim());
                }
            }
        }
        Matcher labelValues = LABEL_VALUES.matcher(query);
        while (labelValues.find()) {
            labels.add(labelValues.group(2));
        }
        labels.remove("__name__");
        return labels;
    }

    private String scrape() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://127.0.0.1:" + fleet.runtime().opsPort() + "/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return response.body();
    }

    /** The Prometheus text format: each sample's metric name and label names. */
    static Map<String, Set<String>> parse(String text) {
        Map<String, Set<String>> metrics = new HashMap<>();
        Pattern labelName = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"");
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.indexOf(' ');
            String name = line.substring(0, brace >= 0 && brace < space ? brace : space);
            Set<String> labels = metrics.computeIfAbsent(name, n -> new TreeSet<>());
            if (brace >= 0 && brace < space) {
                Matcher matcher = labelName.matcher(line.substring(brace, line.lastIndexOf('}')));
                while (matcher.find()) {
                    labels.add(matcher.group(1));
                }
            }
        }
        return metrics;
    }
}
