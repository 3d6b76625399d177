package dev.flywheel.backend.labelconfig;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads Label Studio label-config XML into a {@link LabelConfig}.
 *
 * <p>Configs arrive in every {@code /setup} and {@code /predict}, so the parser refuses DOCTYPEs outright: no external
 * entities and no entity expansion can reach it.
 */
public final class LabelConfigParser {

    private static final int MAX_CONFIG_CHARS = 1_000_000;

    private final DocumentBuilderFactory factory;

    public LabelConfigParser() {
        factory = DocumentBuilderFactory.newInstance();
        try {
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks the features that keep it safe", e);
        }
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setNamespaceAware(false);
    }

    public LabelConfig parse(String xml) {
        if (xml == null || xml.isBlank()) {
            throw new LabelConfigException("the label config is empty");
        }
        if (xml.length() > MAX_CONFIG_CHARS) {
            throw new LabelConfigException("the label config is longer than " + MAX_CONFIG_CHARS + " characters");
        }
        Element root = document(xml);
        List<ObjectTag> objects = new ArrayList<>();
        List<ControlTag> controls = new ArrayList<>();
        collect(root, objects, controls);
        return new LabelConfig(objects, controls);
    }

    private Element document(String xml) {
        try {
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new QuietErrorHandler());
            return builder.parse(new InputSource(new StringReader(xml))).getDocumentElement();
        } catch (SAXParseException e) {
            // The parser's own sentence names its features and classes; the place is what the author can act on.
            throw new LabelConfigException("the label config is not well-formed XML (line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + "); a DOCTYPE or entity is never accepted", e);
        } catch (SAXException e) {
            throw new LabelConfigException("the label config is not well-formed XML", e);
        } catch (ParserConfigurationException | IOException e) {
            throw new LabelConfigException("the label config could not be read", e);
        }
    }

    private static void collect(Element element, List<ObjectTag> objects, List<ControlTag> controls) {
        if (element.hasAttribute("toName")) {
            controls.add(control(element));
            return;
        }
        String value = element.getAttribute("value");
        if (element.hasAttribute("name") && value.startsWith("$")) {
            objects.add(new ObjectTag(element.getTagName(), element.getAttribute("name"), value.substring(1)));
        }
        for (Element child : children(element)) {
            collect(child, objects, controls);
        }
    }

    private static ControlTag control(Element element) {
        List<LabelValue> labels = new ArrayList<>();
        collectLabels(element, labels);
        List<String> toNames = split(element.getAttribute("toName"));
        Map<String, String> attributes = new LinkedHashMap<>();
        NamedNodeMap all = element.getAttributes();
        for (int i = 0; i < all.getLength(); i++) {
            Node attribute = all.item(i);
            attributes.put(attribute.getNodeName(), attribute.getNodeValue());
        }
        boolean multiple = "multiple".equalsIgnoreCase(element.getAttribute("choice"));
        return new ControlTag(element.getTagName(), element.getAttribute("name"), toNames, labels, multiple, attributes);
    }

    /** Labels may sit inside nested {@code <View>}s of a control, as in Label Studio's pose example. */
    private static void collectLabels(Element parent, List<LabelValue> labels) {
        for (Element child : children(parent)) {
            String tag = child.getTagName();
            if (("Choice".equals(tag) || "Label".equals(tag)) && child.hasAttribute("value")) {
                labels.add(new LabelValue(child.getAttribute("value"), split(child.getAttribute("predicted_values"))));
            } else {
                collectLabels(child, labels);
            }
        }
    }

    private static List<String> split(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static List<Element> children(Element parent) {
        List<Element> result = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child) {
                result.add(child);
            }
        }
        return result;
    }

    /** Turns parser complaints into exceptions instead of lines on stderr. */
    private static final class QuietErrorHandler implements org.xml.sax.ErrorHandler {
        @Override
        public void warning(org.xml.sax.SAXParseException e) {}

        @Override
        public void error(org.xml.sax.SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
            throw e;
        }
    }
}
