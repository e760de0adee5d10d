package io.pbxops.operator.gitops;

import io.pbxops.operator.manifest.Manifest;
import io.pbxops.operator.manifest.ManifestException;
import io.pbxops.operator.manifest.ManifestReader;
import io.pbxops.operator.validation.DeclaredFleet;
import io.pbxops.operator.validation.ManifestSetValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes an export to a folder, then checks it the way a reviewer would: the files are read back, validated as
 * {@code validate} does, and planned against the same snapshot of the cloud, which must show no change. What the check
 * finds goes into the folder's README.md and into the {@link Summary}.
 */
public final class Exporter {

    /**
     * @param files      the files written
     * @param objects    how many objects of each kind
     * @param problems   what validation found in the written files (none expected)
     * @param roundTrip  the plan of the written files against the cloud they came from (no change expected)
     * @param notes      what could not be exported as it is
     */
    public record Summary(
            List<Path> files,
            Map<String, Integer> objects,
            List<String> problems,
            FleetPlan roundTrip,
            List<String> notes) {

        public boolean exact() {
            return problems.isEmpty() && !roundTrip.hasChanges();
        }
    }

    private Exporter() {}

    public static Summary export(
            CloudSnapshot snapshot, FleetExport.Options options, Path out, FleetProgress progress) {
        FleetExport.Result result = FleetExport.build(snapshot, options);
        Map<String, StringBuilder> files = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        result.objects().stream()
                .sorted((a, b) -> a.file().equals(b.file())
                        ? a.object()
                                .getMetadata()
                                .getName()
                                .compareTo(b.object().getMetadata().getName())
                        : a.file().compareTo(b.file()))
                .forEach(object -> {
                    StringBuilder file = files.computeIfAbsent(object.file(), f -> new StringBuilder());
                    if (!file.isEmpty()) {
                        file.append("---\n");
                    }
                    file.append(ManifestYaml.document(object.object(), object.comments()));
                    counts.merge(object.object().getKind(), 1, Integer::sum);
                });
        List<Path> written = new ArrayList<>();
        int total = files.size();
        for (Map.Entry<String, StringBuilder> file : files.entrySet()) {
            written.add(write(out.resolve(file.getKey()), file.getValue().toString()));
            progress.wrote(written.size(), total);
        }
        List<Manifest> manifests;
        try {
            manifests = written.isEmpty() ? List.of() : ManifestReader.read(written);
        } catch (ManifestException e) {
            throw new IllegalStateException("the export cannot be read back: " + e.getMessage(), e);
        }
        List<String> problems = ManifestSetValidator.validate(manifests).findings().stream()
                .map(f -> out.relativize(f.manifest().file()) + ":" + f.line() + ": "
                        + f.manifest().kind() + "/" + f.manifest().name() + ": "
                        + f.problem().field() + ": " + f.problem().message())
                .toList();
        FleetPlan roundTrip =
                new Planner(new SnapshotCloudPort(snapshot), null).plan(DeclaredFleet.of(manifests), null, false);
        Summary summary = new Summary(written, counts, problems, roundTrip, result.notes());
        write(out.resolve("README.md"), ExportReadme.text(summary, options));
        return summary;
    }

    private static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
