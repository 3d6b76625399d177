package dev.flywheel.backend.bench;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Detection scenes made of Fashion-MNIST items: a dark 128×128 image with one to four items pasted at random positions
 * and scales, not overlapping, each with its tight box (the item's bright pixels) known. Seeded: the same seed and
 * source give the same scenes.
 */
final class FashionScenes {

    static final int SIZE = 128;
    /** The label config of the benchmark project; a low {@code model_score_threshold} so mAP sees the whole ranking. */
    static final String CONFIG = """
            <View>
              <Image name="image" value="$image"/>
              <RectangleLabels name="label" toName="image" model_score_threshold="0.05">
                %s
              </RectangleLabels>
            </View>""".formatted(FashionMnist.elements("Label"));
    private static final int MIN_SIDE = 24;
    private static final int MAX_SIDE = 56;
    /** Pixels at or below this grey level are background when the tight box is measured. */
    private static final int INK = 24;

    /** A box in percent of the scene, origin top-left. */
    record Box(String label, double x, double y, double width, double height) {}

    record Scene(byte[] png, List<Box> boxes) {}

    private final FashionMnist items;
    private final Random random;
    private int next;

    FashionScenes(FashionMnist items, long seed) {
        this.items = items;
        this.random = new Random(seed);
    }

    /** Items the scenes made so far used, in source order. */
    int itemsUsed() {
        return next;
    }

    Scene next() {
        BufferedImage scene = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_BYTE_GRAY);
        byte[] out = new byte[SIZE * SIZE];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) random.nextInt(16);
        }
        List<int[]> frames = new ArrayList<>();
        List<Box> boxes = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int tries = 0; frames.size() < count && tries < 200; tries++) {
            int side = MIN_SIDE + random.nextInt(MAX_SIDE - MIN_SIDE + 1);
            int left = random.nextInt(SIZE - side + 1);
            int top = random.nextInt(SIZE - side + 1);
            boolean apart = frames.stream().allMatch(f -> left + side <= f[0] || f[0] + f[2] <= left || top + side <= f[1] || f[1] + f[2] <= top);
            if (!apart) {
                continue;
            }
            if (next >= items.size()) {
                throw new IllegalStateException("not enough Fashion-MNIST items for the scenes");
            }
            int item = next++;
            frames.add(new int[] {left, top, side});
            byte[] scaled = scaled(items.image(item), side);
            int minX = side;
            int minY = side;
            int maxX = -1;
            int maxY = -1;
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    int v = scaled[y * side + x] & 0xFF;
                    int at = (top + y) * SIZE + left + x;
                    out[at] = (byte) Math.max(out[at] & 0xFF, v);
                    if (v > INK) {
                        minX = Math.min(minX, x);
                        minY = Math.min(minY, y);
                        maxX = Math.max(maxX, x);
                        maxY = Math.max(maxY, y);
                    }
                }
            }
            if (maxX < 0) {
                continue; // an all-dark item has no box to find
            }
            double pct = 100.0 / SIZE;
            boxes.add(new Box(FashionMnist.LABELS.get(items.label(item)), (left + minX) * pct, (top + minY) * pct,
                    (maxX - minX + 1) * pct, (maxY - minY + 1) * pct));
        }
        scene.getRaster().setDataElements(0, 0, SIZE, SIZE, out);
        try (ByteArrayOutputStream png = new ByteArrayOutputStream()) {
            ImageIO.write(scene, "png", png);
            return new Scene(png.toByteArray(), boxes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] scaled(BufferedImage item, int side) {
        BufferedImage target = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = target.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(item, 0, 0, side, side, null);
        g.dispose();
        byte[] pixels = new byte[side * side];
        target.getRaster().getDataElements(0, 0, side, side, pixels);
        return pixels;
    }
}
