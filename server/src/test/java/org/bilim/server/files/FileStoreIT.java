package org.bilim.server.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.bilim.server.platform.BilimException;
import org.bilim.server.platform.ProblemCode;
import org.bilim.server.testing.Deployments;
import org.bilim.server.testing.TestData;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The file store keeps bytes only for a transaction that commits: an import that fails leaves nothing on disk. */
@ExtendWith(ArquillianExtension.class)
class FileStoreIT {
    private static final byte[] PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    @Deployment
    static WebArchive deployment() {
        return Deployments.bilim(FileStoreIT.class);
    }

    @Inject
    FileStore store;

    @Inject
    UserTransaction tx;

    @Inject
    TestData data;

    @Test
    void aCommittedFileIsKeptUnderAGeneratedNameWithItsChecksum() throws Exception {
        tx.begin();
        StoredFile f = store.store(new ByteArrayInputStream(PDF), "../../etc/Лекция.pdf", 1024, null);
        tx.commit();
        Path path = store.path(f);
        assertThat(path).exists().hasBinaryContent(PDF);
        assertThat(path.getFileName().toString()).isEqualTo(f.id()).doesNotContain("Лекция");
        assertThat(f.originalName()).isEqualTo("Лекция.pdf");
        assertThat(f.mediaType()).isEqualTo("application/pdf");
        assertThat(f.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF)));
        StoredFile row = data.inTx(em -> em.find(StoredFile.class, f.id()));
        assertThat(row.size()).isEqualTo(PDF.length);
    }

    @Test
    void aRolledBackFileLeavesNoBytesAndNoRow() throws Exception {
        tx.begin();
        StoredFile f = store.store(new ByteArrayInputStream(PDF), "notes.pdf", 1024, null);
        Path path = store.path(f);
        assertThat(path).exists();
        tx.rollback();
        assertThat(path).doesNotExist();
        boolean rowExists = data.inTx(em -> em.find(StoredFile.class, f.id()) != null);
        assertThat(rowExists).isFalse();
    }

    @Test
    void tooLargeOrDangerousBytesAreRefusedAndNothingIsLeftInTheIncomingFolder() throws Exception {
        Path incoming = store.path(new StoredFile("x", "x", "x", 0, "x", "incoming/x", null, null)).getParent();
        long before = count(incoming);
        tx.begin();
        try {
            assertThatThrownBy(() -> store.store(new ByteArrayInputStream(new byte[2048]), "big.pdf", 1024, null))
                    .isInstanceOfSatisfying(BilimException.class, e -> assertThat(e.problem()).isEqualTo(ProblemCode.FILE_TOO_LARGE));
            assertThatThrownBy(() -> store.store(new ByteArrayInputStream("<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8)),
                    "picture.png", 1024, null))
                    .isInstanceOfSatisfying(BilimException.class,
                            e -> assertThat(e.problem()).isEqualTo(ProblemCode.FILE_TYPE_NOT_ALLOWED));
        } finally {
            tx.rollback();
        }
        assertThat(count(incoming)).isEqualTo(before);
    }

    private static long count(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (var s = Files.list(dir)) {
            return s.count();
        }
    }
}
