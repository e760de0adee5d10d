package io.pbxops.operator.cloud;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Credentials from a directory of files named like the environment variables (a mounted Secret). The files are
 * read again when one of them changed (modification time or size; Kubernetes swaps the whole directory through a
 * symbolic link, which changes both).
 */
final class DirectoryCredentialsSource implements CloudCredentialsSource {

    private static final List<String> NAMES = List.of(LOGIN, PASSWORD, APP_ID, APP_SECRET, CLOUD_URL);

    private final Path directory;
    private List<String> lastStamp;
    private CloudCredentials cached;
    private URI cachedUrl;

    DirectoryCredentialsSource(Path directory) {
        this.directory = directory;
    }

    @Override
    public synchronized CloudCredentials current() {
        refreshIfChanged();
        if (cached == null) {
            throw new CloudCredentialsMissingException(missingMessage());
        }
        return cached;
    }

    @Override
    public synchronized Optional<URI> cloudUrl() {
        refreshIfChanged();
        return Optional.ofNullable(cachedUrl);
    }

    private void refreshIfChanged() {
        List<String> stamp = stamp();
        if (stamp.equals(lastStamp)) {
            return;
        }
        String login = read(LOGIN);
        String password = read(PASSWORD);
        String appId = read(APP_ID);
        String appSecret = read(APP_SECRET);
        String url = read(CLOUD_URL);
        cached = login == null || password == null || appId == null || appSecret == null
                ? null
                : new CloudCredentials(login, password, appId, appSecret);
        cachedUrl = url == null ? null : URI.create(url);
        lastStamp = stamp;
    }

    private List<String> stamp() {
        List<String> stamp = new ArrayList<>();
        for (String name : NAMES) {
            try {
                BasicFileAttributes attributes =
                        Files.readAttributes(directory.resolve(name), BasicFileAttributes.class);
                stamp.add(attributes.lastModifiedTime() + "/" + attributes.size() + "/" + attributes.fileKey());
            } catch (NoSuchFileException e) {
                stamp.add("-");
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + directory.resolve(name), e);
            }
        }
        return stamp;
    }

    /** The trimmed file content (a trailing newline is common in hand-made Secrets), or null when absent or empty. */
    private String read(String name) {
        try {
            String value = Files.readString(directory.resolve(name), StandardCharsets.UTF_8)
                    .strip();
            return value.isEmpty() ? null : value;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + directory.resolve(name), e);
        }
    }

    private String missingMessage() {
        List<String> missing = new ArrayList<>();
        for (String name : List.of(LOGIN, PASSWORD, APP_ID, APP_SECRET)) {
            if (read(name) == null) {
                missing.add(name);
            }
        }
        return "Cloud credentials incomplete: the directory " + directory + " lacks the file(s) "
                + String.join(", ", missing);
    }

    @Override
    public String toString() {
        return "credentials in " + directory;
    }
}
