package org.bilim.server.files;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.bilim.courses.content.FileRef;
import org.bilim.courses.media.MediaTypes;
import org.bilim.courses.media.Mp4Layout;
import org.bilim.server.audit.AuditLog;
import org.bilim.server.platform.BilimConfig;
import org.bilim.server.platform.BilimException;
import org.bilim.server.platform.ProblemCode;
import org.bilim.server.platform.Tokens;
import org.bilim.server.sessions.Caller;

/**
 * Keeps files in {@code <data dir>/files}. Bytes are streamed to a temporary file while their
 * SHA-256 is computed and their size counted against the limit; the type is then decided from
 * the bytes, never from the name; the file moves to a generated name, and its row is written in
 * the caller's transaction. If that transaction does not commit, the bytes are deleted again, so
 * a failed upload or import leaves nothing behind.
 */
@ApplicationScoped
public class FileStore {
    private static final Logger LOG = Logger.getLogger(FileStore.class.getName());

    /**
     * What may be stored. Not HTML or SVG: served from Bilim's own origin they could run script;
     * HTML arrives only as sanitised page content.
     */
    static final Set<String> ALLOWED = Set.of(
            "application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp",
            "video/mp4", "video/webm", "video/ogg", "audio/mp4", "audio/webm", "audio/ogg", "audio/mpeg", "audio/wav",
            "text/vtt", "text/plain", "text/csv",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "application/vnd.oasis.opendocument.text",
            "application/vnd.oasis.opendocument.spreadsheet",
            "application/vnd.oasis.opendocument.presentation");

    @PersistenceContext(unitName = "bilim")
    EntityManager em;

    @Inject
    BilimConfig config;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    public static boolean allowed(String mediaType) {
        return ALLOWED.contains(mediaType);
    }

    /** An author's upload, audited. */
    @Transactional
    public FileRef upload(InputStream in, String originalName, long maxBytes) {
        StoredFile file = store(in, originalName, maxBytes, caller.requireStaff().staffId());
        audit.append(caller.audit("file.uploaded", null, "file", null,
                file.id() + " " + file.mediaType() + " " + file.size() + " bytes"));
        return file.ref();
    }

    /** Stores what {@code in} delivers (at most {@code maxBytes}) under a new id, in the current transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public StoredFile store(InputStream in, String originalName, long maxBytes, Long staffId) {
        String name = cleanName(originalName);
        Path root = root();
        Path temp = null;
        try {
            Files.createDirectories(root.resolve("incoming"));
            temp = Files.createTempFile(root.resolve("incoming"), "upload-", ".part");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha)) {
                size = copyLimited(in, out, maxBytes);
            }
            return keep(temp, name, size, HexFormat.of().formatHex(sha.digest()), staffId);
        } catch (IOException e) {
            throw new UncheckedIOException("could not store " + name, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** Stores a file already on disk (an extracted package entry); the source is left in place. */
    @Transactional(Transactional.TxType.MANDATORY)
    public StoredFile store(Path source, String originalName, long maxBytes, Long staffId) {
        try (InputStream in = Files.newInputStream(source)) {
            return store(in, originalName, maxBytes, staffId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** At start-up: uploads a crash cut short are deleted; their rows were never committed. */
    public void deleteIncomplete() {
        Path incoming = root().resolve("incoming");
        if (Files.isDirectory(incoming)) {
            try (var leftovers = Files.list(incoming)) {
                leftovers.forEach(FileStore::deleteQuietly);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public Optional<StoredFile> find(String id) {
        if (id == null || !id.matches("[a-z0-9]{1,32}")) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(StoredFile.class, id));
    }

    public Path path(StoredFile file) {
        return root().resolve(file.storageName());
    }

    private StoredFile keep(Path temp, String name, long size, String sha256, Long staffId) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(temp)) {
            head = in.readNBytes(MediaTypes.HEAD_BYTES);
        }
        String type = MediaTypes.detect(head, name);
        if (!allowed(type)) {
            throw new BilimException(ProblemCode.FILE_TYPE_NOT_ALLOWED, name, type);
        }
        String layout = type.equals("video/mp4") || type.equals("audio/mp4") ? Mp4Layout.inspect(temp).name() : null;
        String id = Tokens.randomId();
        String storageName = id.substring(0, 2) + "/" + id;
        Path target = root().resolve(storageName);
        Files.createDirectories(target.getParent());
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        deleteIfNotCommitted(target);
        StoredFile file = new StoredFile(id, name, type, size, sha256, storageName, layout, staffId);
        em.persist(file);
        return file;
    }

    private void deleteIfNotCommitted(Path target) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    deleteQuietly(target);
                }
            }
        });
    }

    private static long copyLimited(InputStream in, OutputStream out, long maxBytes) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > maxBytes) {
                throw new BilimException(ProblemCode.FILE_TOO_LARGE, maxBytes / (1024 * 1024));
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    /** A display name: the last path segment, control characters removed, at most 255 characters. */
    static String cleanName(String name) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (base.isEmpty() || base.equals(".") || base.equals("..")) {
            base = "file";
        }
        return base.length() > 255 ? base.substring(base.length() - 255) : base;
    }

    private Path root() {
        return config.dataDir().resolve("files");
    }

    private static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warning(() -> "Could not delete " + p + ": " + e);
        }
    }
}
