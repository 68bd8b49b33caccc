package org.bilim.courses.cartridge;

import static org.bilim.courses.cartridge.SafeXml.attr;
import static org.bilim.courses.cartridge.SafeXml.child;
import static org.bilim.courses.cartridge.SafeXml.children;
import static org.bilim.courses.cartridge.SafeXml.path;
import static org.bilim.courses.cartridge.SafeXml.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What {@code imsmanifest.xml} says: the version, the course's title and language from its LOM
 * metadata, the default organisation's tree of items, and the resources by identifier.
 */
record Manifest(String version, String title, String language, List<OrgItem> organisation,
                Map<String, Resource> resources) {

    /** An item of the organisation: a heading when {@code identifierref} is empty, else a placed resource. */
    record OrgItem(String identifier, String title, String identifierref, List<OrgItem> children) {
    }

    /**
     * A resource. {@code href} and {@code files} are normalised package paths, already resolved
     * against any {@code xml:base}; {@code href} is null when the resource has none.
     */
    record Resource(String identifier, String type, String href, List<String> files, List<String> dependencies) {
        /** The file that is the resource: its href, else its first file. */
        String main() {
            return href != null ? href : files.isEmpty() ? null : files.getFirst();
        }

        /** The folder the resource's file-base token and relative links start from. */
        String base() {
            String main = main();
            return main == null ? "" : PackagePaths.folder(main);
        }
    }

    private static final Map<String, String> VERSION_BY_NAMESPACE = Map.of(
            "http://www.imsglobal.org/xsd/imscc/imscp_v1p1", "1.0",
            "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1", "1.1",
            "http://www.imsglobal.org/xsd/imsccv1p2/imscp_v1p1", "1.2",
            "http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1", "1.3");

    static Manifest read(Document doc) throws ImportRefused {
        Element root = doc.getDocumentElement();
        if (!"manifest".equals(SafeXml.local(root))) {
            throw new ImportRefused(Refusal.MANIFEST_INVALID, Map.of("problem", "root element " + SafeXml.local(root)));
        }
        Element metadata = child(root, "metadata");
        String version = version(root, metadata);
        Element general = path(metadata, "lom", "general");
        String title = langString(child(general, "title"));
        String language = text(child(general, "language"));

        Element resourcesElement = child(root, "resources");
        if (resourcesElement == null) {
            throw new ImportRefused(Refusal.MANIFEST_INVALID, Map.of("problem", "no resources element"));
        }
        String base = join(attr(root, "base"), attr(resourcesElement, "base"));
        Map<String, Resource> resources = new LinkedHashMap<>();
        for (Element r : children(resourcesElement, "resource")) {
            String identifier = attr(r, "identifier");
            if (identifier.isEmpty()) {
                throw new ImportRefused(Refusal.MANIFEST_INVALID, Map.of("problem", "a resource without identifier"));
            }
            String resourceBase = join(base, attr(r, "base"));
            String href = attr(r, "href").isEmpty() ? null : packagePath(resourceBase, attr(r, "href"));
            List<String> files = new ArrayList<>();
            for (Element f : children(r, "file")) {
                String p = packagePath(resourceBase, attr(f, "href"));
                if (p != null) {
                    files.add(p);
                }
            }
            List<String> dependencies = children(r, "dependency").stream().map(d -> attr(d, "identifierref"))
                    .filter(s -> !s.isEmpty()).toList();
            resources.putIfAbsent(identifier, new Resource(identifier, attr(r, "type"), href, List.copyOf(files), dependencies));
        }

        List<OrgItem> organisation = organisation(child(root, "organizations"));
        return new Manifest(version, title, language.isEmpty() ? null : language, organisation,
                Collections.unmodifiableMap(resources));
    }

    /**
     * The version from the manifest's namespace (CC 1.1 §3, 1.2 §3, 1.3 §3 each bind their own).
     * Some exporters write the plain IMS CP namespace; then the LOM schema and its version decide.
     * A SCORM package or any other content package is not a cartridge.
     */
    private static String version(Element root, Element metadata) throws ImportRefused {
        String namespace = root.getNamespaceURI() == null ? "" : root.getNamespaceURI();
        String byNamespace = VERSION_BY_NAMESPACE.get(namespace);
        if (byNamespace != null) {
            return byNamespace;
        }
        String schema = text(child(metadata, "schema"));
        String schemaVersion = text(child(metadata, "schemaversion"));
        if (schema.toLowerCase(Locale.ROOT).contains("common cartridge")) {
            for (String v : List.of("1.0", "1.1", "1.2", "1.3")) {
                if (schemaVersion.equals(v) || schemaVersion.equals(v + ".0")) {
                    return v;
                }
            }
        }
        throw new ImportRefused(Refusal.UNSUPPORTED_VERSION,
                Map.of("namespace", namespace, "schema", schema, "schemaversion", schemaVersion));
    }

    private static List<OrgItem> organisation(Element organizations) {
        List<Element> all = children(organizations, "organization");
        if (all.isEmpty()) {
            return List.of();
        }
        String wanted = attr(organizations, "default");
        Element chosen = all.stream().filter(o -> attr(o, "identifier").equals(wanted)).findFirst().orElse(all.getFirst());
        List<OrgItem> items = items(chosen);
        // CC's organisation is a "rooted-hierarchy": one root item whose children are the real top level.
        if (items.size() == 1 && items.getFirst().identifierref().isEmpty() && !items.getFirst().children().isEmpty()) {
            return items.getFirst().children();
        }
        return items;
    }

    private static List<OrgItem> items(Element parent) {
        List<OrgItem> out = new ArrayList<>();
        for (Element item : children(parent, "item")) {
            out.add(new OrgItem(attr(item, "identifier"), text(child(item, "title")), attr(item, "identifierref"), items(item)));
        }
        return List.copyOf(out);
    }

    /** The first non-blank {@code <string>} of a LOM langstring, or its own text. */
    private static String langString(Element e) {
        if (e == null) {
            return "";
        }
        for (Element s : children(e, "string")) {
            if (!text(s).isEmpty()) {
                return text(s);
            }
        }
        return text(e);
    }

    private static String join(String base, String more) {
        if (more.isEmpty()) {
            return base;
        }
        if (more.startsWith("/") || PackagePaths.hasScheme(more)) {
            return more; // resolved (and refused if outside) when used
        }
        String b = base.isEmpty() || base.endsWith("/") ? base : base + "/";
        return more.endsWith("/") ? b + more : b + more + "/";
    }

    /** A manifest href as a package path: percent-decoded, relative to its base; null when it leaves the package. */
    private static String packagePath(String base, String href) {
        if (href.isEmpty() || PackagePaths.hasScheme(href) || PackagePaths.hasScheme(base) || base.startsWith("/")) {
            return null;
        }
        return PackagePaths.resolve(base, PackagePaths.decode(PackagePaths.withoutQuery(href))).orElse(null);
    }
}
