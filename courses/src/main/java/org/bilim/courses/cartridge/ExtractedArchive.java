package org.bilim.courses.cartridge;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * An archive checked and extracted into a fresh folder of its own, which {@link #close()}
 * deletes. Every check that can be made on the central directory is made before a byte is
 * extracted; the rest (real sizes, real ratios) while extracting, because headers can lie.
 */
final class ExtractedArchive implements AutoCloseable {
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

    private final Path root;
    private final Map<String, Path> files;

    private ExtractedArchive(Path root, Map<String, Path> files) {
        this.root = root;
        this.files = Collections.unmodifiableMap(files);
    }

    /** The extracted file at a normalised package path, or null. */
    Path file(String packagePath) {
        return files.get(packagePath);
    }

    boolean has(String packagePath) {
        return files.containsKey(packagePath);
    }

    /** Every file's package path, in archive order. */
    Set<String> paths() {
        return files.keySet();
    }

    static ExtractedArchive extract(Path archive, Path workDir, ImportLimits limits, ImportListener listener)
            throws ImportRefused {
        long archiveBytes;
        try {
            if (!Files.isRegularFile(archive)) {
                throw new ImportRefused(Refusal.NOT_A_ZIP, Map.of("reason", "not a file"));
            }
            archiveBytes = Files.size(archive);
        } catch (IOException e) {
            throw new ImportRefused(Refusal.NOT_A_ZIP, Map.of("reason", "unreadable"), e);
        }
        if (archiveBytes > limits.maxArchiveBytes()) {
            throw new ImportRefused(Refusal.ARCHIVE_TOO_LARGE,
                    Map.of("limit", limits.maxArchiveBytes(), "actual", archiveBytes));
        }
        ZipFile zip;
        try {
            zip = new ZipFile(archive.toFile());
        } catch (IOException e) {
            throw new ImportRefused(Refusal.NOT_A_ZIP, Map.of("reason", String.valueOf(e.getMessage())), e);
        }
        try (zip) {
            List<Planned> plan = checkDirectory(zip, limits);
            Path root = createFolder(workDir);
            try {
                Map<String, Path> files = extractAll(zip, plan, root, archiveBytes, limits, listener);
                return new ExtractedArchive(root, files);
            } catch (ImportRefused | RuntimeException e) {
                delete(root);
                throw e;
            }
        } catch (IOException e) {
            // Only closing the zip gets here; what was read is already checked.
            throw new UncheckedIOException(e);
        }
    }

    private static Path createFolder(Path workDir) {
        try {
            return Files.createTempDirectory(workDir, "bilim-cc-");
        } catch (IOException e) {
            throw new UncheckedIOException("no folder to extract into under " + workDir, e);
        }
    }

    private record Planned(ZipEntry entry, String path) {
    }

    /** The checks the central directory allows, before anything is written. */
    private static List<Planned> checkDirectory(ZipFile zip, ImportLimits limits) throws ImportRefused {
        if (zip.size() > limits.maxEntries()) {
            throw new ImportRefused(Refusal.TOO_MANY_ENTRIES, Map.of("limit", limits.maxEntries(), "actual", zip.size()));
        }
        List<Planned> plan = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> folders = new HashSet<>();
        long declaredTotal = 0;
        int count = 0;
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            // zip.size() may be computed from the end record; count what is really listed too.
            if (++count > limits.maxEntries()) {
                throw new ImportRefused(Refusal.TOO_MANY_ENTRIES, Map.of("limit", limits.maxEntries(), "actual", count));
            }
            String path = normalise(entry.getName());
            if (entry.isDirectory()) {
                folders.add(path);
            } else if (!path.isEmpty() && !names.add(path)) {
                throw new ImportRefused(Refusal.DUPLICATE_ENTRY, Map.of("entry", entry.getName()));
            }
            // Every parent of an entry is a folder; one that is also a file would be ambiguous.
            for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
                folders.add(path.substring(0, slash));
            }
            long size = entry.getSize();
            long compressed = entry.getCompressedSize();
            if (size > limits.maxEntryBytes()) {
                throw new ImportRefused(Refusal.ENTRY_TOO_LARGE,
                        Map.of("entry", entry.getName(), "limit", limits.maxEntryBytes(), "declared", size));
            }
            if (size > 0) {
                declaredTotal += size;
                if (declaredTotal > limits.maxTotalBytes()) {
                    throw new ImportRefused(Refusal.TOTAL_TOO_LARGE, Map.of("limit", limits.maxTotalBytes(), "declared", declaredTotal));
                }
                if (size > ImportLimits.RATIO_FLOOR_BYTES && compressed >= 0
                        && size > (long) limits.maxCompressionRatio() * Math.max(compressed, 1)) {
                    throw new ImportRefused(Refusal.COMPRESSION_RATIO,
                            Map.of("entry", entry.getName(), "limit", limits.maxCompressionRatio(), "declared", size, "compressed", compressed));
                }
            }
            if (!entry.isDirectory() && !path.isEmpty()) {
                plan.add(new Planned(entry, path));
            }
        }
        for (Planned p : plan) {
            if (folders.contains(p.path())) {
                throw new ImportRefused(Refusal.DUPLICATE_ENTRY, Map.of("entry", p.entry().getName(), "problem", "file and folder"));
            }
        }
        return plan;
    }

    /**
     * The package path of an entry: '/'-separated, without "." segments or empty segments, or a
     * refusal when the name could reach outside the extraction folder. Backslashes are refused
     * rather than read as separators: a name that means one thing to us and another to Windows
     * tools is not worth the doubt.
     */
    static String normalise(String name) throws ImportRefused {
        if (name == null || name.indexOf('\0') >= 0 || name.indexOf('\\') >= 0 || name.startsWith("/")
                || DRIVE.matcher(name).matches()) {
            throw escapes(name);
        }
        StringBuilder out = new StringBuilder();
        for (String segment : name.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                throw escapes(name);
            }
            for (int i = 0; i < segment.length(); i++) {
                if (Character.isISOControl(segment.charAt(i))) {
                    throw escapes(name);
                }
            }
            if (!out.isEmpty()) {
                out.append('/');
            }
            out.append(segment);
        }
        return out.toString();
    }

    private static ImportRefused escapes(String name) {
        return new ImportRefused(Refusal.PATH_ESCAPES, Map.of("entry", String.valueOf(name).replace("\0", "\\0")));
    }

    private static Map<String, Path> extractAll(ZipFile zip, List<Planned> plan, Path root, long archiveBytes,
                                                ImportLimits limits, ImportListener listener) throws ImportRefused {
        try {
            return extractAllOrFail(zip, plan, root, archiveBytes, limits, listener);
        } catch (ArchiveReadFailed e) {
            throw new ImportRefused(Refusal.NOT_A_ZIP, Map.of("entry", e.entry, "reason", String.valueOf(e.getCause().getMessage())), e.getCause());
        } catch (IOException e) {
            // Writing failed: the server's disk, not the archive.
            throw new UncheckedIOException(e);
        }
    }

    /** An entry whose bytes cannot be read (corrupt deflate stream, truncated archive). */
    private static final class ArchiveReadFailed extends Exception {
        private static final long serialVersionUID = 1L;
        private final String entry;

        ArchiveReadFailed(String entry, IOException cause) {
            super(cause);
            this.entry = entry;
        }
    }

    private static int read(InputStream in, byte[] buffer, String entry) throws ArchiveReadFailed {
        try {
            return in.read(buffer);
        } catch (IOException e) {
            throw new ArchiveReadFailed(entry, e);
        }
    }

    private static Map<String, Path> extractAllOrFail(ZipFile zip, List<Planned> plan, Path root, long archiveBytes,
                                                      ImportLimits limits, ImportListener listener)
            throws ImportRefused, IOException, ArchiveReadFailed {
        Map<String, Path> files = new LinkedHashMap<>();
        Path realRoot = root.toRealPath();
        long total = 0;
        int done = 0;
        listener.progress(ImportStage.CHECKING_ARCHIVE, 0, plan.size());
        byte[] buffer = new byte[64 * 1024];
        for (Planned p : plan) {
            Path target = realRoot.resolve(p.path()).normalize();
            if (!target.startsWith(realRoot) || target.equals(realRoot)) {
                throw escapes(p.entry().getName());
            }
            Files.createDirectories(target.getParent());
            if (!target.getParent().toRealPath().startsWith(realRoot)) {
                throw escapes(p.entry().getName());
            }
            // The compressed size is a header too; a bomb that claims more than it has is still
            // caught by the whole archive's ratio below, and by the size limits.
            long compressed = Math.max(p.entry().getCompressedSize(), 1);
            long written = 0;
            InputStream opened;
            try {
                opened = zip.getInputStream(p.entry());
            } catch (IOException e) {
                throw new ArchiveReadFailed(p.entry().getName(), e);
            }
            try (InputStream in = opened;
                 OutputStream out = Files.newOutputStream(target, java.nio.file.StandardOpenOption.CREATE_NEW)) {
                int n;
                while ((n = read(in, buffer, p.entry().getName())) > 0) {
                    written += n;
                    total += n;
                    if (written > limits.maxEntryBytes()) {
                        throw new ImportRefused(Refusal.ENTRY_TOO_LARGE,
                                Map.of("entry", p.entry().getName(), "limit", limits.maxEntryBytes(), "declared", p.entry().getSize()));
                    }
                    if (total > limits.maxTotalBytes()) {
                        throw new ImportRefused(Refusal.TOTAL_TOO_LARGE, Map.of("limit", limits.maxTotalBytes()));
                    }
                    if (written > ImportLimits.RATIO_FLOOR_BYTES && written > limits.maxCompressionRatio() * compressed) {
                        throw new ImportRefused(Refusal.COMPRESSION_RATIO,
                                Map.of("entry", p.entry().getName(), "limit", limits.maxCompressionRatio(), "compressed", compressed));
                    }
                    if (total > ImportLimits.RATIO_FLOOR_BYTES && total > limits.maxCompressionRatio() * archiveBytes) {
                        throw new ImportRefused(Refusal.COMPRESSION_RATIO,
                                Map.of("entry", p.entry().getName(), "limit", limits.maxCompressionRatio(), "archive", archiveBytes));
                    }
                    out.write(buffer, 0, n);
                }
            }
            files.put(p.path(), target);
            listener.progress(ImportStage.CHECKING_ARCHIVE, ++done, plan.size());
        }
        return files;
    }

    @Override
    public void close() {
        delete(root);
    }

    /** Deletes a folder tree, going on past a file that will not go so that the rest does. */
    static void delete(Path folder) {
        if (!Files.exists(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    quietly(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    quietly(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
                    quietly(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // walkFileTree only throws from the visitor, which swallows; nothing left to try.
        }
    }

    private static void quietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (NoSuchFileException e) {
            // already gone
        } catch (IOException e) {
            System.getLogger(ExtractedArchive.class.getName())
                    .log(System.Logger.Level.WARNING, "could not delete " + path + ": " + e);
        }
    }
}
