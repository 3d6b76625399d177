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
final class ShapeScenes {

    static final List<String> LABELS = List.of("circle", "square", "bar");
    static final String CONFIG = """
            <View>
              <Image name="image" value="$image"/>
              <Choices name="label" toName="image">
                <Choice value="circle"/><Choice value="square"/><Choice value="bar"/>
              </Choices>
            </View>""";

    private ShapeScenes() {}

    static byte[] png(int label, Random random) {
        BufferedImage image = new BufferedImage(48, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(random.nextInt(60), random.nextInt(60), random.nextInt(60)));
        g.fillRect(0, 0, 48, 48);
        g.setColor(new Color(150 + random.nextInt(100), 150 + random.nextInt(100), 150 + random.nextInt(100)));
        int s = 16 + random.nextInt(12);
        int x = random.nextInt(48 - s);
        int y = random.nextInt(48 - s);
        switch (label) {
            case 0 -> g.fillOval(x, y, s, s);
            case 1 -> g.fillRect(x, y, s, s);
            default -> g.fillRect(x, y + s / 3, s, s / 3);
        }
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
