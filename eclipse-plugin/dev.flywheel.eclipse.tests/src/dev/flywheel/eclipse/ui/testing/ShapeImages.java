package dev.flywheel.eclipse.ui.testing;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.PaletteData;

/**
 * 48x48 PNGs of three shape classes (circle, square, horizontal bar) at random places, sizes and colours,
 * drawn pixel by pixel into SWT {@link ImageData} so no display and no AWT are needed.
 */
public final class ShapeImages {

    /** The labels, in the order of {@link #png(int, Random)}'s {@code shape}. */
    public static final List<String> LABELS = List.of("circle", "square", "bar");

    /** An {@code <Image>} + {@code <Choices>} label config over {@link #LABELS}. */
    public static final String CONFIG = """
            <View>
              <Image name="image" value="$image"/>
              <Choices name="label" toName="image">
                <Choice value="circle"/><Choice value="square"/><Choice value="bar"/>
              </Choices>
            </View>""";

    private static final int EDGE = 48;

    private ShapeImages() {}

    /** A PNG of shape {@code shape} (an index into {@link #LABELS}). */
    public static byte[] png(int shape, Random random) {
        ImageData data = new ImageData(EDGE, EDGE, 24, new PaletteData(0xFF0000, 0x00FF00, 0x0000FF));
        int background = rgb(random.nextInt(60), random.nextInt(60), random.nextInt(60));
        int foreground = rgb(150 + random.nextInt(100), 150 + random.nextInt(100), 150 + random.nextInt(100));
        int s = 16 + random.nextInt(12);
        int x0 = random.nextInt(EDGE - s);
        int y0 = random.nextInt(EDGE - s);
        for (int y = 0; y < EDGE; y++) {
            for (int x = 0; x < EDGE; x++) {
                data.setPixel(x, y, inside(shape, x - x0, y - y0, s) ? foreground : background);
            }
        }
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] {data};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        loader.save(out, SWT.IMAGE_PNG);
        return out.toByteArray();
    }

    private static boolean inside(int shape, int dx, int dy, int s) {
        if (dx < 0 || dy < 0 || dx >= s || dy >= s) {
            return false;
        }
        return switch (shape) {
            case 0 -> {
                double r = s / 2.0;
                double cx = dx + 0.5 - r;
                double cy = dy + 0.5 - r;
                yield cx * cx + cy * cy <= r * r;
            }
            case 1 -> true;
            default -> dy >= s / 3 && dy < s / 3 + s / 3;
        };
    }

    private static int rgb(int r, int g, int b) {
        return r << 16 | g << 8 | b;
    }
}
