package io.pbxops.operator.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Edits of a folder of manifests, as a pull request makes them. */
public final class ManifestFiles {

    private ManifestFiles() {}

    /** Copies the folder {@code from} to {@code to}, recursively; answers {@code to}. */
    public static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return to;
    }

    /** Replaces {@code from} by {@code to} in the file; fails the test when the file has no {@code from}. */
    public static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), file + " has no " + from);
        Files.writeString(file, text.replace(from, to));
    }

    /** Removes from a multi-document YAML file the document of the object with that name. */
    public static void removeDocument(Path file, String name) throws IOException {
        List<String> kept = new ArrayList<>();
        for (String document : Files.readString(file).split("(?m)^---\n")) {
            if (!document.contains("name: " + name + "\n")) {
                kept.add(document);
            }
        }
        Files.writeString(file, String.join("---\n", kept));
    }

    public static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(ManifestFiles::delete);
        }
    }

    public static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
