package dev.flywheel.backend.it;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/** Images of three shape classes at random places, sizes and colours: easy, but not trivially identical. */
public final class ShapeScenes {

    public static final List<String> LABELS = List.of("circle", "square", "bar");
    /** The Image + Choices config of the three shape classes, as the tests and the benchmarks connect it. */
    public static final String CONFIG = """
            <View>
              <Image name="image" value="$image"/>
              <Choices name="label" toName="image">
                <Choice value="circle"/><Choice value="square"/><Choice value="bar"/>
              </Choices>
            </View>""";

    private ShapeScenes() {}

    static byte[] png(int label, Random random) {
        return png(label, random, 48, 48, false);
    }

    /**
     * A scene of another camera: {@code width × height} pixels, and with {@code inverted} a light background and a
     * dark shape, the colours of {@link #png(int, Random)} turned around.
     */
    static byte[] png(int label, Random random, int width, int height, boolean inverted) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image(label, random, width, height, inverted), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A 48×48 scene of class {@code label} (an index into {@link #LABELS}), for tests that need pixels, not files. */
    public static BufferedImage image(int label, Random random) {
        return image(label, random, 48, 48, false);
    }

    private static BufferedImage image(int label, Random random, int width, int height, boolean inverted) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        int edge = Math.min(width, height);
        g.setColor(shade(random, 0, 60, inverted));
        g.fillRect(0, 0, width, height);
        g.setColor(shade(random, 150, 100, inverted));
        int s = edge / 3 + random.nextInt(edge / 4);
        int x = random.nextInt(width - s);
        int y = random.nextInt(height - s);
        switch (label) {
            case 0 -> g.fillOval(x, y, s, s);
            case 1 -> g.fillRect(x, y, s, s);
            default -> g.fillRect(x, y + s / 3, s, s / 3);
        }
        g.dispose();
        return image;
    }

    private static Color shade(Random random, int from, int range, boolean inverted) {
        int r = from + random.nextInt(range);
        int g = from + random.nextInt(range);
        int b = from + random.nextInt(range);
        return inverted ? new Color(255 - r, 255 - g, 255 - b) : new Color(r, g, b);
    }
}
