package dev.flywheel.backend.it;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;

/**
 * What the operator's tiny detector ({@code make_tiny_detector.py}) is served with: a detection config whose labels
 * map the model's {@code car}/{@code truck} and {@code person}, and the scenes it finds the white rectangle in.
 */
final class TinyDetectorScenes {

    static final String CONFIG = """
            <View>
              <Image name="image" value="$image"/>
              <RectangleLabels name="label" toName="image" model_score_threshold="0.3">
                <Label value="Vehicle" predicted_values="car,truck"/>
                <Label value="Person" predicted_values="person"/>
              </RectangleLabels>
            </View>""";

    private TinyDetectorScenes() {}

    /** A dark 128x96 PNG with one white rectangle. */
    static byte[] scene(int left, int top, int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(128, 96, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(20, 20, 20));
        g.fillRect(0, 0, 128, 96);
        g.setColor(Color.WHITE);
        g.fillRect(left, top, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
