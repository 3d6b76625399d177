package dev.flywheel.backend.it;

import dev.flywheel.fixtures.Regions;
import dev.flywheel.model.labelstudio.RectangleLabelsRegion;
import dev.flywheel.model.labelstudio.Region;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import dev.flywheel.backend.training.TrainingSettings;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/** Noisy dark 64×64 scenes of one or two bright circles and squares that do not touch, with their true boxes. */
public final class BoxScenes {

    public static final int SIZE = 64;
    static final List<String> LABELS = List.of("circle", "square");
    static final String CONFIG = """
            <View>
              <Image name="image" value="$image"/>
              <RectangleLabels name="label" toName="image">
                <Label value="circle"/><Label value="square"/>
              </RectangleLabels>
            </View>""";

    /** The detector trains at 64 px (a multiple of its stride 8) with a small image budget: ~30 epochs of 48 images. */
    static final TrainingSettings SETTINGS = new TrainingSettings(SIZE, 16, 0.003f, 1_500, 4, 60, 0.2, 7L);

    private BoxScenes() {}

    /** A true box in percent of the image. */
    record TrueBox(String label, double x, double y, double width, double height) {

        /** Same label and IoU above 0.5. */
        boolean matches(RectangleLabelsRegion box) {
            RectangleLabelsRegion.Value v = box.value();
            return v.labels().contains(label) && iou(v.x(), v.y(), v.width(), v.height()) > 0.5;
        }

        double iou(double ox, double oy, double ow, double oh) {
            double ix = Math.max(0, Math.min(x + width, ox + ow) - Math.max(x, ox));
            double iy = Math.max(0, Math.min(y + height, oy + oh) - Math.max(y, oy));
            double inter = ix * iy;
            return inter / (width * height + ow * oh - inter);
        }

        TrueBox relabeled(String other) {
            return new TrueBox(other, x, y, width, height);
        }

        Region region(String id) {
            return Regions.box(id, label, x, y, width, height, SIZE, SIZE);
        }
    }

    /** A scene as the PNG a user uploaded, and its true boxes. */
    record Scene(byte[] png, List<TrueBox> boxes) {}

    static List<Region> regions(List<TrueBox> boxes) {
        List<Region> regions = new ArrayList<>();
        for (int b = 0; b < boxes.size(); b++) {
            regions.add(boxes.get(b).region("b" + b));
        }
        return regions;
    }

    /** A dark {@code SIZE}×{@code SIZE} grey noise background, the ground the detectors must find shapes on. */
    public static BufferedImage noise(Random random) {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int v = 20 + random.nextInt(40);
                image.setRGB(x, y, (v << 16) | (v << 8) | v);
            }
        }
        return image;
    }

    /** A bright square (grey-white) or disc (yellow) of {@code side} pixels at {@code left, top}. */
    public static void draw(Graphics2D g, boolean square, int left, int top, int side) {
        g.setColor(square ? new Color(230, 230, 230) : new Color(230, 200, 40));
        if (square) {
            g.fillRect(left, top, side, side);
        } else {
            g.fillOval(left, top, side, side);
        }
    }

    static Scene scene(Random random) {
        BufferedImage image = noise(random);
        Graphics2D g = image.createGraphics();
        List<int[]> placed = new ArrayList<>();
        List<TrueBox> boxes = new ArrayList<>();
        int count = 1 + random.nextInt(2);
        while (placed.size() < count) {
            int side = 14 + random.nextInt(13);
            int left = random.nextInt(SIZE - side);
            int top = random.nextInt(SIZE - side);
            boolean apart = placed.stream().allMatch(p -> left + side + 2 < p[0] || p[0] + p[2] + 2 < left || top + side + 2 < p[1] || p[1] + p[2] + 2 < top);
            if (!apart) {
                continue;
            }
            placed.add(new int[] {left, top, side});
            boolean square = random.nextBoolean();
            draw(g, square, left, top, side);
            double pct = 100.0 / SIZE;
            boxes.add(new TrueBox(square ? "square" : "circle", left * pct, top * pct, side * pct, side * pct));
        }
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return new Scene(out.toByteArray(), boxes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
