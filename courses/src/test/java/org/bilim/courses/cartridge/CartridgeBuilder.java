package org.bilim.courses.cartridge;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a cartridge for a test: a manifest made from the resources and organisation given,
 * and the files. Small on purpose: it writes the shapes Moodle and Canvas export, not a full
 * CC authoring tool.
 */
final class CartridgeBuilder {
    private static final Map<String, String> NAMESPACE = Map.of(
            "1.1", "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1",
            "1.2", "http://www.imsglobal.org/xsd/imsccv1p2/imscp_v1p1",
            "1.3", "http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1");
    private static final Map<String, String> LOM = Map.of(
            "1.1", "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest",
            "1.2", "http://ltsc.ieee.org/xsd/imsccv1p2/LOM/manifest",
            "1.3", "http://ltsc.ieee.org/xsd/imsccv1p3/LOM/manifest");

    /** An organisation item: a heading when {@code ref} is null. */
    record Node(String id, String title, String ref, List<Node> children) {
    }

    private final String version;
    private String title = "";
    private String language;
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final StringBuilder resources = new StringBuilder();
    private final List<Node> organisation = new ArrayList<>();
    private String manifestOverride;

    private CartridgeBuilder(String version) {
        this.version = version;
    }

    static CartridgeBuilder cc(String version) {
        return new CartridgeBuilder(version);
    }

    static Node heading(String id, String title, Node... children) {
        return new Node(id, title, null, List.of(children));
    }

    static Node item(String id, String title, String ref, Node... children) {
        return new Node(id, title, ref, List.of(children));
    }

    CartridgeBuilder title(String value) {
        this.title = value;
        return this;
    }

    CartridgeBuilder language(String value) {
        this.language = value;
        return this;
    }

    CartridgeBuilder file(String path, String content) {
        return file(path, content.getBytes(StandardCharsets.UTF_8));
    }

    CartridgeBuilder file(String path, byte[] content) {
        files.put(path, content);
        return this;
    }

    /** A resource; {@code href} may be null; {@code files} are listed as its file elements. */
    CartridgeBuilder resource(String id, String type, String href, List<String> fileHrefs, String... dependencies) {
        resources.append("    <resource identifier=\"").append(id).append("\" type=\"").append(type).append('"');
        if (href != null) {
            resources.append(" href=\"").append(href).append('"');
        }
        resources.append(">\n");
        for (String f : fileHrefs) {
            resources.append("      <file href=\"").append(f).append("\"/>\n");
        }
        for (String d : dependencies) {
            resources.append("      <dependency identifierref=\"").append(d).append("\"/>\n");
        }
        resources.append("    </resource>\n");
        return this;
    }

    /** A webcontent resource with one file, written too. */
    CartridgeBuilder web(String id, String path, String content) {
        file(path, content);
        return resource(id, "webcontent", path, List.of(path));
    }

    CartridgeBuilder web(String id, String path, byte[] content) {
        file(path, content);
        return resource(id, "webcontent", path, List.of(path));
    }

    CartridgeBuilder module(Node node) {
        organisation.add(node);
        return this;
    }

    /** Replaces the generated manifest with this text, as it is. */
    CartridgeBuilder manifest(String xml) {
        this.manifestOverride = xml;
        return this;
    }

    String manifest() {
        if (manifestOverride != null) {
            return manifestOverride;
        }
        StringBuilder m = new StringBuilder();
        m.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        m.append("<manifest identifier=\"cctd0001\" xmlns=\"").append(NAMESPACE.get(version))
                .append("\" xmlns:lomimscc=\"").append(LOM.get(version)).append("\">\n");
        m.append("  <metadata>\n    <schema>IMS Common Cartridge</schema>\n    <schemaversion>").append(version)
                .append(".0</schemaversion>\n");
        m.append("    <lomimscc:lom><lomimscc:general>\n");
        if (!title.isEmpty()) {
            m.append("      <lomimscc:title><lomimscc:string>").append(escape(title)).append("</lomimscc:string></lomimscc:title>\n");
        }
        if (language != null) {
            m.append("      <lomimscc:language>").append(language).append("</lomimscc:language>\n");
        }
        m.append("    </lomimscc:general></lomimscc:lom>\n  </metadata>\n");
        m.append("  <organizations>\n");
        if (!organisation.isEmpty()) {
            m.append("    <organization identifier=\"org_1\" structure=\"rooted-hierarchy\">\n");
            m.append("      <item identifier=\"LearningModules\">\n");
            for (Node n : organisation) {
                node(m, n, "        ");
            }
            m.append("      </item>\n    </organization>\n");
        }
        m.append("  </organizations>\n  <resources>\n").append(resources).append("  </resources>\n</manifest>\n");
        return m.toString();
    }

    private static void node(StringBuilder m, Node n, String indent) {
        m.append(indent).append("<item identifier=\"").append(n.id()).append('"');
        if (n.ref() != null) {
            m.append(" identifierref=\"").append(n.ref()).append('"');
        }
        m.append(">\n").append(indent).append("  <title>").append(escape(n.title())).append("</title>\n");
        for (Node c : n.children()) {
            node(m, c, indent + "  ");
        }
        m.append(indent).append("</item>\n");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    Path write(Path dir) throws IOException {
        Path zip = Files.createTempFile(dir, "cartridge-", ".imscc");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(CartridgeImporter.MANIFEST));
            z.write(manifest().getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                z.putNextEntry(new ZipEntry(f.getKey()));
                z.write(f.getValue());
                z.closeEntry();
            }
        }
        return zip;
    }
}
