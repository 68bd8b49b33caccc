package org.bilim.courses.cartridge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bilim.courses.cartridge.Manifest.Resource;
import org.bilim.courses.content.FileRef;
import org.bilim.courses.html.HtmlSanitizer;
import org.w3c.dom.Document;

/**
 * Imports an IMS Common Cartridge ({@code .imscc}) as Moodle and Canvas export it.
 *
 * <p>In order: the archive's size on disk; its central directory (entry count, names that could
 * escape, duplicates, declared sizes and ratios) before anything is written; extraction into a
 * fresh folder counting real bytes; the manifest and every XML document a resource needs,
 * parsed with DOCTYPEs refused; a dry run of the conversion that learns which files the content
 * uses. Only then does the sink see a file, each once. The extraction folder is deleted on every
 * way out.
 */
public final class CartridgeImporter {
    static final String MANIFEST = "imsmanifest.xml";

    private final ImportLimits limits;
    private final PageSanitizer sanitizer;
    private final MediaProbe probe;
    private final Path workDir;

    /** Extracts under the system's temporary folder. */
    public CartridgeImporter(ImportLimits limits, HtmlSanitizer sanitizer) {
        this(limits, sanitizer, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * @param workDir where each import extracts into a fresh folder of its own: a volume with room
     *                for {@link ImportLimits#maxTotalBytes()}, readable by the server alone
     */
    public CartridgeImporter(ImportLimits limits, HtmlSanitizer sanitizer, Path workDir) {
        this(limits, Objects.requireNonNull(sanitizer, "sanitizer")::sanitize, MediaProbes.standard(), workDir);
    }

    CartridgeImporter(ImportLimits limits, PageSanitizer sanitizer, MediaProbe probe, Path workDir) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.sanitizer = Objects.requireNonNull(sanitizer, "sanitizer");
        this.probe = Objects.requireNonNull(probe, "probe");
        this.workDir = Objects.requireNonNull(workDir, "workDir");
    }

    /**
     * Reads the whole archive; stores assets through the sink only after the archive passed every
     * check.
     *
     * @param fallbackTitle the course title when the manifest gives none
     * @throws ImportRefused when the archive is refused as a whole; then nothing was stored
     * @throws UncheckedIOException when the server's own disk or the sink fails
     */
    public ImportResult read(Path archive, String fallbackTitle, AssetSink sink, ImportListener listener)
            throws ImportRefused {
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(fallbackTitle, "fallbackTitle");
        Objects.requireNonNull(sink, "sink");
        ImportListener progress = listener == null ? ImportListener.none() : listener;
        try (ExtractedArchive pkg = ExtractedArchive.extract(archive, workDir, limits, progress)) {
            Manifest manifest = manifest(pkg);
            Map<String, Document> xml = resourceXml(pkg, manifest, progress);

            CartridgeConverter.Planning plan = CartridgeConverter.Store.planning();
            ImportResult dryRun = new CartridgeConverter(pkg, manifest, xml, sanitizer, probe, plan, ImportListener.none())
                    .convert(fallbackTitle);
            if (dryRun.content().modules().isEmpty()) {
                throw new ImportRefused(Refusal.NOTHING_TO_IMPORT, nothingDetails(dryRun.report()));
            }

            Map<String, FileRef> stored = store(pkg, plan.needed.stream().toList(), sink, progress);
            ImportResult result = new CartridgeConverter(pkg, manifest, xml, sanitizer, probe, path -> {
                FileRef ref = stored.get(path);
                if (ref == null) {
                    throw new IllegalStateException("the conversion needed a file the dry run did not: " + path);
                }
                return ref;
            }, progress).convert(fallbackTitle);
            progress.progress(ImportStage.DONE, 1, 1);
            return result;
        }
    }

    private static Manifest manifest(ExtractedArchive pkg) throws ImportRefused {
        Path file = pkg.file(MANIFEST);
        if (file == null) {
            throw new ImportRefused(Refusal.MANIFEST_MISSING, Map.of("expected", MANIFEST));
        }
        try {
            return Manifest.read(SafeXml.parse(file));
        } catch (SafeXml.XmlRefused e) {
            throw SafeXml.refusal(e, Refusal.MANIFEST_INVALID, Map.of("path", MANIFEST));
        }
    }

    /** Every XML document a quiz, topic or link resource is, parsed now so that a bad one refuses the import. */
    private static Map<String, Document> resourceXml(ExtractedArchive pkg, Manifest manifest, ImportListener progress)
            throws ImportRefused {
        List<Resource> needing = manifest.resources().values().stream().filter(CartridgeConverter::needsXml).toList();
        Map<String, Document> out = new HashMap<>();
        int done = 0;
        progress.progress(ImportStage.READING_MANIFEST, 0, needing.size());
        for (Resource r : needing) {
            String main = r.main();
            if (main != null && pkg.has(main) && !out.containsKey(main)) {
                try {
                    out.put(main, SafeXml.parse(pkg.file(main)));
                } catch (SafeXml.XmlRefused e) {
                    Map<String, Object> details = new LinkedHashMap<>();
                    details.put("resource", r.identifier());
                    details.put("path", main);
                    throw SafeXml.refusal(e, Refusal.BROKEN_RESOURCE, details);
                }
            }
            progress.progress(ImportStage.READING_MANIFEST, ++done, needing.size());
        }
        return out;
    }

    private static Map<String, FileRef> store(ExtractedArchive pkg, List<String> needed, AssetSink sink,
                                              ImportListener progress) {
        Map<String, FileRef> stored = new HashMap<>();
        progress.progress(ImportStage.STORING_FILES, 0, needed.size());
        for (String path : needed) {
            try {
                stored.put(path, Objects.requireNonNull(sink.store(path, pkg.file(path)), "the sink returned no reference"));
            } catch (IOException e) {
                throw new UncheckedIOException("storing " + path + " failed", e);
            }
            progress.progress(ImportStage.STORING_FILES, stored.size(), needed.size());
        }
        return stored;
    }

    /** What the cartridge held instead, so the refusal can say "only web links and discussions". */
    private static Map<String, Object> nothingDetails(ImportReport report) {
        Map<String, Integer> byReason = new LinkedHashMap<>();
        report.entries().forEach(e -> byReason.merge(e.reason().name(), 1, Integer::sum));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("found", byReason);
        return details;
    }
}
