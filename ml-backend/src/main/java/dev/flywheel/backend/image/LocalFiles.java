package dev.flywheel.backend.image;

import static dev.flywheel.backend.image.ImageFetchException.Kind.REFUSED_PATH;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Label Studio local-storage files read straight from {@code LOCAL_FILES_DOCUMENT_ROOT}, never outside it.
 *
 * <p>A relative path is refused when it is absolute, has a {@code ..} segment, or resolves (through symlinks)
 * to a file outside the root; the check runs even without a root, because the same path is otherwise sent to
 * Label Studio.
 */
final class LocalFiles {

    private final Optional<Path> root;

    LocalFiles(Optional<Path> root) {
        this.root = Objects.requireNonNull(root, "root").map(r -> r.toAbsolutePath().normalize());
    }

    /** Refuses paths that try to leave the root, whatever the filesystem holds. */
    static void requireRelative(String relative) {
        if (relative.indexOf('\0') >= 0 || relative.startsWith("/") || relative.startsWith("\\")
                || relative.matches("^[A-Za-z]:.*")) {
            throw refused(relative, "is absolute");
        }
        for (String segment : relative.split("[/\\\\]")) {
            if (segment.equals("..")) {
                throw refused(relative, "climbs out of the document root");
            }
        }
    }

    /** The file under the root, when a root is configured and the file exists there; symlink escapes refused. */
    Optional<Path> find(String relative) {
        requireRelative(relative);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        try {
            Path candidate = root.get().resolve(relative).normalize();
            if (!candidate.startsWith(root.get())) {
                throw refused(relative, "escapes the document root");
            }
            if (!Files.isRegularFile(candidate)) {
                return Optional.empty();
            }
            Path real = candidate.toRealPath();
            if (!real.startsWith(root.get().toRealPath())) {
                throw refused(relative, "is a link that leads out of the document root");
            }
            return Optional.of(real);
        } catch (InvalidPathException e) {
            throw refused(relative, "is not a valid path");
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The file's bytes, at most {@code limit} of them. */
    static byte[] read(Path file, long limit) {
        try {
            if (Files.size(file) > limit) {
                throw BoundedRead.tooLarge("local file " + file.getFileName(), limit);
            }
            return BoundedRead.bytes(Files.newInputStream(file), limit, "local file " + file.getFileName());
        } catch (IOException e) {
            throw new ImageFetchException(ImageFetchException.Kind.NOT_FOUND, "cannot read local file " + file.getFileName(), e);
        }
    }

    private static ImageFetchException refused(String relative, String why) {
        String shown = relative.length() > 200 ? relative.substring(0, 200) + "…" : relative;
        return new ImageFetchException(REFUSED_PATH, "refused local file '" + shown + "': the path " + why);
    }
}
