package io.pbxops.operator.manifest;

import java.nio.file.Path;

/** A manifest that cannot be read at all (missing file, broken YAML): the input, not the objects, is at fault. */
public class ManifestException extends Exception {

    private final transient Path file;
    private final int line;

    public ManifestException(Path file, int line, String message) {
        super(message);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + getMessage();
    }
}
