package dev.flywheel.backend.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import javax.imageio.ImageIO;

/** Fashion-MNIST as the Debian package {@code dataset-fashion-mnist} installs it: 28×28 grey images in file order. */
public final class FashionMnist {

    static final Path ROOT = Path.of("/usr/share/datasets/fashion-mnist");
    /** The ten classes in label-index order. */
    public static final List<String> LABELS = List.of(
            "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    static final String CONFIG = """
            <View>
              <Image name="image" value="$image"/>
              <Choices name="label" toName="image">
                %s
              </Choices>
            </View>""".formatted(elements("Choice"));
    private static final int SIDE = 28;

    private final byte[][] images;
    private final int[] labels;

    /** The ten classes as the {@code <Choice>} or {@code <Label>} elements of a label config, in label-index order. */
    static String elements(String tag) {
        return LABELS.stream().map(label -> "<" + tag + " value=\"" + label + "\"/>").collect(Collectors.joining());
    }

    private FashionMnist(byte[][] images, int[] labels) {
        this.images = images;
        this.labels = labels;
    }

    /** The first {@code count} images of a split ({@code "train"} or {@code "t10k"}) in file order. */
    public static FashionMnist read(String split, int count) {
        try (DataInputStream imageIn = gz(ROOT.resolve(split + "-images-idx3-ubyte.gz"));
                DataInputStream labelIn = gz(ROOT.resolve(split + "-labels-idx1-ubyte.gz"))) {
            if (imageIn.readInt() != 2051 || labelIn.readInt() != 2049) {
                throw new IOException("not IDX files");
            }
            int n = Math.min(count, imageIn.readInt());
            labelIn.readInt();
            imageIn.readInt();
            imageIn.readInt();
            byte[][] images = new byte[n][SIDE * SIDE];
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                imageIn.readFully(images[i]);
                labels[i] = labelIn.readUnsignedByte();
            }
            return new FashionMnist(images, labels);
        } catch (IOException e) {
            throw new UncheckedIOException("Fashion-MNIST not readable under " + ROOT + " (apt-get install dataset-fashion-mnist)", e);
        }
    }

    /** Images read. */
    public int size() {
        return labels.length;
    }

    /** The class index of image {@code i}. */
    public int label(int i) {
        return labels[i];
    }

    BufferedImage image(int i) {
        BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setDataElements(0, 0, SIDE, SIDE, images[i]);
        return image;
    }

    /** The image as the PNG a user would have uploaded to Label Studio. */
    public byte[] png(int i) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image(i), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DataInputStream gz(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        return new DataInputStream(new GZIPInputStream(raw, 1 << 16));
    }
}
