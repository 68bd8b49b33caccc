package org.bilim.courses.cartridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile archives: each is refused with its own code, before the sink sees a file, and leaves
 * no extraction folder behind.
 */
class ArchiveDefencesTest {
    private static final long MIB = 1L << 20;

    @TempDir
    Path temp;
    Fixture fixture;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new Fixture(temp);
    }

    /** A real cartridge with one page, plus the extra entry under test. */
    private Path cartridgeWith(String extraName, String extraContent) throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("imsmanifest.xml", CartridgeBuilder.cc("1.1").web("r1", "page.html", "<p>Hello</p>")
                .module(CartridgeBuilder.item("i1", "Page", "r1")).manifest());
        entries.put("page.html", "<p>Hello</p>");
        entries.put(extraName, extraContent);
        return Zips.write(temp.resolve("archives/hostile.imscc"), entries);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil.txt", "/etc/x", "..\\evil", "C:/x", "c:evil", "a/../../evil.txt", "web/\u0000.html",
            "\\\\server\\share\\x", "a/b/../../../evil"})
    void entryNamesThatEscapeAreRefusedBeforeAnythingIsWritten(String name) throws Exception {
        ImportRefused e = fixture.refused(cartridgeWith(name, "pwned"), Refusal.PATH_ESCAPES);

        assertThat(e.details()).containsKey("entry");
        assertThat(temp.resolve("evil.txt")).doesNotExist();
        assertThat(temp.resolve("archives/evil.txt")).doesNotExist();
    }

    @Test
    void harmlessDotSegmentsAreNotEscapes() throws Exception {
        ImportResult result = fixture.read(cartridgeWith("./notes/./a.txt", "fine"));

        assertThat(result.content().modules()).hasSize(1);
    }

    @Test
    void aZipBombIsRefusedFromItsDeclaredRatio() throws Exception {
        Path bomb = Zips.zeros(temp.resolve("archives/bomb.imscc"), "zeros.bin", 200 * MIB);
        assertThat(Files.size(bomb)).isLessThan(MIB);

        ImportRefused e = fixture.refused(bomb, Refusal.COMPRESSION_RATIO);

        assertThat(e.details()).containsEntry("declared", 200 * MIB);
    }

    @Test
    void aZipBombThatLiesAboutItsSizeIsStoppedByTheBytesItReallyInflates() throws Exception {
        Path bomb = Zips.zeros(temp.resolve("archives/liar.imscc"), "zeros.bin", 200 * MIB);
        Zips.declareSize(bomb, "zeros.bin", 1000);

        ImportRefused e = fixture.refused(bomb, Refusal.COMPRESSION_RATIO);

        assertThat(e.details()).containsEntry("entry", "zeros.bin").doesNotContainKey("declared");
    }

    @Test
    void anEntryLargerThanItsHeaderSaysIsStoppedAtTheEntryLimit() throws Exception {
        byte[] noise = new byte[(int) (3 * MIB)];
        new Random(7).nextBytes(noise);
        Path archive = temp.resolve("archives/big.imscc");
        try (OutputStream out = Files.newOutputStream(archive); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("imsmanifest.xml"));
            z.write("<manifest/>".getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("noise.bin"));
            z.write(noise);
            z.closeEntry();
        }
        Zips.declareSize(archive, "noise.bin", 10);
        ImportLimits limits = new ImportLimits(100 * MIB, 100, 2 * MIB, 100 * MIB, 100);

        ImportRefused e = fixture.refused(archive, limits, Refusal.ENTRY_TOO_LARGE);

        assertThat(e.details()).containsEntry("entry", "noise.bin").containsEntry("declared", 10L);
    }

    @Test
    void anEntryDeclaredLargerThanTheLimitIsRefusedUnread() throws Exception {
        Path archive = Zips.zeros(temp.resolve("archives/big.imscc"), "zeros.bin", 3 * MIB);
        ImportLimits limits = new ImportLimits(100 * MIB, 100, 2 * MIB, 100 * MIB, 10_000);

        fixture.refused(archive, limits, Refusal.ENTRY_TOO_LARGE);
    }

    @Test
    void entriesTogetherLargerThanTheTotalLimitAreRefused() throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            entries.put("f" + i + ".txt", "x".repeat(1000));
        }
        ImportLimits limits = new ImportLimits(MIB, 100, 2000, 3000, 100);

        fixture.refused(Zips.write(temp.resolve("archives/t.imscc"), entries), limits, Refusal.TOTAL_TOO_LARGE);
    }

    @Test
    void tooManyEntriesAreRefusedFromTheCentralDirectory() throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        for (int i = 0; i < 51; i++) {
            entries.put("f" + i + ".txt", "x");
        }
        ImportLimits limits = new ImportLimits(MIB, 50, MIB, MIB, 100);

        ImportRefused e = fixture.refused(Zips.write(temp.resolve("archives/many.imscc"), entries), limits, Refusal.TOO_MANY_ENTRIES);

        assertThat(e.details()).containsEntry("limit", 50);
    }

    @Test
    void anArchiveLargerThanTheLimitIsRefusedWithoutOpeningIt() throws Exception {
        Path archive = temp.resolve("archives/large.imscc");
        Files.write(archive, new byte[4096]);
        ImportLimits limits = new ImportLimits(1024, 10, MIB, MIB, 100);

        fixture.refused(archive, limits, Refusal.ARCHIVE_TOO_LARGE);
    }

    @Test
    void twoEntriesOfOneNameAreRefused() throws Exception {
        // ZipOutputStream will not write a name twice; rename the extra entry afterwards.
        Path twice = cartridgeWith("pagf.html", "<p>other</p>");
        Zips.rename(twice, "pagf.html", "page.html");

        fixture.refused(twice, Refusal.DUPLICATE_ENTRY);
    }

    @Test
    void aNameThatIsBothFileAndFolderIsRefused() throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("imsmanifest.xml", "<manifest/>");
        entries.put("web", "a file");
        entries.put("web/page.html", "<p>a page</p>");

        fixture.refused(Zips.write(temp.resolve("archives/both.imscc"), entries), Refusal.DUPLICATE_ENTRY);
    }

    @Test
    void aFileThatIsNoZipIsRefused() throws Exception {
        Path archive = temp.resolve("archives/course.imscc");
        Files.writeString(archive, "<html>this is a web page saved with the wrong name</html>");

        fixture.refused(archive, Refusal.NOT_A_ZIP);
    }

    @Test
    void anEmptyFileIsNoZip() throws Exception {
        Path archive = Files.createFile(temp.resolve("archives/empty.imscc"));

        fixture.refused(archive, Refusal.NOT_A_ZIP);
    }

    @Test
    void aMissingFileIsNoZip() {
        fixture.refused(temp.resolve("archives/absent.imscc"), Refusal.NOT_A_ZIP);
    }

    @Test
    void aManifestOnlyInAFolderIsMissing() throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("course/imsmanifest.xml", CartridgeBuilder.cc("1.1").manifest());
        entries.put("course/page.html", "<p>Hello</p>");

        fixture.refused(Zips.write(temp.resolve("archives/nested.imscc"), entries), Refusal.MANIFEST_MISSING);
    }

    @Test
    void aCartridgeWithNothingInItIsRefused() throws Exception {
        fixture.refused(CartridgeBuilder.cc("1.3").title("Empty").write(fixture.archives), Refusal.NOTHING_TO_IMPORT);
    }

    @Test
    void aCartridgeOfOnlyLinksAndDiscussionsHasNothingToImportAndSaysWhatItHad() throws Exception {
        Path archive = CartridgeBuilder.cc("1.1")
                .file("wl.xml", "<webLink xmlns=\"http://www.imsglobal.org/xsd/imsccv1p1/imswl_v1p1\"><title>Wiki</title>"
                        + "<url href=\"https://example.org/wiki\"/></webLink>")
                .resource("wl", "imswl_xmlv1p1", null, java.util.List.of("wl.xml"))
                .module(CartridgeBuilder.heading("m1", "Links", CartridgeBuilder.item("i1", "Wiki", "wl")))
                .write(fixture.archives);

        ImportRefused e = fixture.refused(archive, Refusal.NOTHING_TO_IMPORT);

        assertThat(e.details().get("found")).isEqualTo(Map.of("WEB_LINK", 1));
    }
}
