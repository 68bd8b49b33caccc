package org.bilim.courses.cartridge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses the XML of a cartridge with every door shut that the OWASP XXE prevention cheat sheet
 * lists for JAXP: no DOCTYPE at all (so no entities, internal or external, and no billion
 * laughs), no external DTD or schema loading, no XInclude, secure processing on. A cartridge
 * never needs a DOCTYPE; one that has it is refused rather than half-read. Also a few helpers
 * to walk the DOM by local name, since exporters disagree on namespaces and prefixes.
 */
final class SafeXml {
    static final String XINCLUDE_NS = "http://www.w3.org/2001/XInclude";
    /** A DOM holds many times its file size in memory; no honest manifest or quiz comes near. */
    static final long MAX_XML_BYTES = 32L << 20;

    private static final DocumentBuilderFactory FACTORY = factory();

    private SafeXml() {
    }

    private static DocumentBuilderFactory factory() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        try {
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be hardened", e);
        }
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        // The JDK's default depth is unlimited; a few thousand nested elements would run the
        // organisation walk out of stack.
        f.setAttribute("jdk.xml.maxElementDepth", "500");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setNamespaceAware(true);
        f.setValidating(false);
        f.setIgnoringComments(true);
        return f;
    }

    /** Why a document could not be read. */
    enum Failure { FORBIDDEN, MALFORMED, TOO_LARGE }

    static final class XmlRefused extends Exception {
        private static final long serialVersionUID = 1L;
        final Failure failure;

        XmlRefused(Failure failure, String message, Throwable cause) {
            super(message, cause);
            this.failure = failure;
        }
    }

    static Document parse(Path file) throws XmlRefused {
        try {
            if (Files.size(file) > MAX_XML_BYTES) {
                throw new XmlRefused(Failure.TOO_LARGE, "larger than " + MAX_XML_BYTES + " bytes", null);
            }
        } catch (IOException e) {
            throw new XmlRefused(Failure.MALFORMED, "unreadable", e);
        }
        Document doc;
        try (InputStream in = Files.newInputStream(file)) {
            DocumentBuilder builder;
            synchronized (FACTORY) {
                builder = FACTORY.newDocumentBuilder();
            }
            builder.setErrorHandler(SILENT);
            builder.setEntityResolver((publicId, systemId) -> {
                // Unreachable with DOCTYPEs disallowed; if that ever changes, still read nothing.
                throw new SAXException("external entity " + systemId);
            });
            doc = builder.parse(new InputSource(in));
        } catch (SAXException e) {
            Failure failure = declaresDoctype(file) ? Failure.FORBIDDEN : Failure.MALFORMED;
            String where = e instanceof SAXParseException p ? " at line " + p.getLineNumber() : "";
            throw new XmlRefused(failure, (failure == Failure.FORBIDDEN ? "DOCTYPE" : "not well-formed") + where, e);
        } catch (IOException | ParserConfigurationException e) {
            throw new XmlRefused(Failure.MALFORMED, "unreadable", e);
        }
        if (usesXInclude(doc.getDocumentElement())) {
            throw new XmlRefused(Failure.FORBIDDEN, "XInclude", null);
        }
        return doc;
    }

    /** Told apart from malformed XML for the report only; the parser has already refused it. */
    private static boolean declaresDoctype(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(64 * 1024);
            String ascii = new String(head, StandardCharsets.ISO_8859_1).replace("\0", "");
            return ascii.contains("<!DOCTYPE") || ascii.contains("<!ENTITY");
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean usesXInclude(Element root) {
        if (root == null) {
            return false;
        }
        if (XINCLUDE_NS.equals(root.getNamespaceURI())) {
            return true;
        }
        for (int i = 0; i < root.getAttributes().getLength(); i++) {
            if (XINCLUDE_NS.equals(root.getAttributes().item(i).getNamespaceURI())) {
                return true;
            }
        }
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child && usesXInclude(child)) {
                return true;
            }
        }
        return false;
    }

    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    /** The refusal for an XML document of the package, {@code otherwise} when merely malformed. */
    static ImportRefused refusal(XmlRefused e, Refusal otherwise, Map<String, Object> details) {
        Map<String, Object> all = new java.util.LinkedHashMap<>(details);
        all.put("problem", e.getMessage());
        return new ImportRefused(e.failure == Failure.FORBIDDEN ? Refusal.XML_FORBIDDEN : otherwise, all, e);
    }

    // --- walking the DOM by local name ---

    static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(local(e))) {
                out.add(e);
            }
        }
        return out;
    }

    static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        if (parent != null) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    static Element child(Element parent, String localName) {
        List<Element> all = children(parent, localName);
        return all.isEmpty() ? null : all.getFirst();
    }

    /** The first element on a path of local names, e.g. {@code path(manifest, "metadata", "lom")}. */
    static Element path(Element from, String... localNames) {
        Element at = from;
        for (String name : localNames) {
            at = child(at, name);
            if (at == null) {
                return null;
            }
        }
        return at;
    }

    static List<Element> descendants(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        if (parent != null) {
            NodeList all = parent.getElementsByTagNameNS("*", localName);
            for (int i = 0; i < all.getLength(); i++) {
                out.add((Element) all.item(i));
            }
        }
        return out;
    }

    static String local(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
    }

    static String text(Element e) {
        return e == null ? "" : e.getTextContent().strip();
    }

    /** An attribute by local name, whatever its namespace; "" when absent. */
    static String attr(Element e, String localName) {
        if (e == null) {
            return "";
        }
        if (e.hasAttribute(localName)) {
            return e.getAttribute(localName).strip();
        }
        for (int i = 0; i < e.getAttributes().getLength(); i++) {
            Node a = e.getAttributes().item(i);
            if (localName.equals(a.getLocalName())) {
                return a.getNodeValue().strip();
            }
        }
        return "";
    }
}
