package dev.flywheel.backend.training;

import dev.flywheel.backend.analytics.ImageFeatures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A backbone's feature vectors on disk, one small file per task image, so a retrain embeds only images it has not
 * seen: {@code <root>/<backbone key>/<project>/<task>-<hash of the image reference>.emb}.
 *
 * <p>The backbone key covers the file's SHA-256, the input size and the normalisation, so another backbone or another
 * preprocessing never reads these features. The image reference is part of the name because Label Studio gives a new
 * upload a new reference: a task whose image changes is embedded again. Files are written to a temporary name and
 * moved into place, so a crash leaves no half-written entry; an unreadable entry counts as missing.
 */
public final class EmbeddingCache {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingCache.class);
    private static final int FORMAT = 1;

    private final Path folder;

    /**
     * @param root the cache's root, e.g. {@code FLYWHEEL_HOME/embeddings}
     * @param backboneKey what decides an embedding, e.g. {@code Backbone#embeddingKey()}
     */
    public EmbeddingCache(Path root, String backboneKey) {
        if (!backboneKey.matches("[0-9a-f]{8,64}")) {
            throw new IllegalArgumentException("a backbone key is hex, was " + backboneKey);
        }
        this.folder = Objects.requireNonNull(root, "root").resolve(backboneKey);
    }

    /** A cached entry: the feature vector and the original image's features (null when not measured). */
    public record Entry(float[] embedding, ImageFeatures features) {

        public Entry {
            embedding = Objects.requireNonNull(embedding, "embedding").clone();
        }

        @Override
        public float[] embedding() {
            return embedding.clone();
        }
    }

    /** The cached entry of a task's image, or empty when it was never stored (or cannot be read). */
    public Optional<Entry> get(long project, long taskId, String imageRef) {
        Path file = file(project, taskId, imageRef);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            if (in.readInt() != FORMAT) {
                return Optional.empty();
            }
            float[] embedding = new float[in.readInt()];
            for (int i = 0; i < embedding.length; i++) {
                embedding[i] = in.readFloat();
            }
            ImageFeatures features = in.readBoolean()
                    ? new ImageFeatures(in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble())
                    : null;
            return Optional.of(new Entry(embedding, features));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.debug("embedding cache entry {} is unreadable and will be replaced: {}", file.getFileName(), e.getMessage());
            return Optional.empty();
        }
    }

    /** Stores a task image's entry, replacing any earlier one. */
    public void put(long project, long taskId, String imageRef, Entry entry) {
        Path file = file(project, taskId, imageRef);
        try {
            Files.createDirectories(file.getParent());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                float[] embedding = entry.embedding();
                out.writeInt(FORMAT);
                out.writeInt(embedding.length);
                for (float v : embedding) {
                    out.writeFloat(v);
                }
                ImageFeatures f = entry.features();
                out.writeBoolean(f != null);
                if (f != null) {
                    out.writeDouble(f.brightness());
                    out.writeDouble(f.contrast());
                    out.writeDouble(f.width());
                    out.writeDouble(f.height());
                    out.writeDouble(f.aspectRatio());
                }
            }
            Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try {
                Files.write(temporary, bytes.toByteArray());
                try {
                    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the embedding of task " + taskId, e);
        }
    }

    /** How many entries a project has, e.g. for a test or an operator wondering what the cache holds. */
    public long size(long project) {
        Path dir = folder.resolve(Long.toString(project));
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".emb")).count();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the embedding cache of project " + project, e);
        }
    }

    private Path file(long project, long taskId, String imageRef) {
        return folder.resolve(Long.toString(project)).resolve(taskId + "-" + hash16(imageRef) + ".emb");
    }

    private static String hash16(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
