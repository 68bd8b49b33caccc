package org.bilim.courses.cartridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.bilim.courses.cartridge.CartridgeBuilder.heading;
import static org.bilim.courses.cartridge.CartridgeBuilder.item;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bilim.courses.cartridge.ImportReport.Entry;
import org.bilim.courses.cartridge.ImportReport.NoteCode;
import org.bilim.courses.cartridge.ImportReport.Reason;
import org.bilim.courses.content.FileItem;
import org.bilim.courses.content.Item;
import org.bilim.courses.content.MediaItem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Edge cases of turning resources into items that neither exporter's usual shape shows. */
class MappingTest {
    @TempDir
    Path temp;
    Fixture fixture;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new Fixture(temp);
    }

    @Test
    void theBytesDecideWhetherAFileIsMediaNotItsName() throws Exception {
        CartridgeBuilder cc = CartridgeBuilder.cc("1.3")
                .web("fake", "files/lecture.mp4", "%PDF-1.7 a scanned handout named like a video")
                .web("real", "files/recording.bin", Fixture.mp4(true))
                .module(heading("m", "Files", item("i1", "Handout", "fake"), item("i2", "Recording", "real")));

        ImportResult result = fixture.read(cc);

        assertThat(result.content().item("fake")).get().isInstanceOf(FileItem.class);
        assertThat(result.content().item("real")).get().isInstanceOf(MediaItem.class);
    }

    @Test
    void captionsWithoutALanguageAnywhereAreMarkedUndetermined() throws Exception {
        CartridgeBuilder cc = CartridgeBuilder.cc("1.1")
                .web("v", "v/talk.mp4", Fixture.mp4(true))
                .file("v/talk.vtt", "WEBVTT\n")
                .module(heading("m", "Talks", item("i1", "Talk", "v")));

        ImportResult result = fixture.read(cc);

        MediaItem talk = (MediaItem) result.content().item("v").orElseThrow();
        assertThat(talk.captions()).extracting(c -> c.language(), c -> c.label()).containsExactly(tuple("und", "talk.vtt"));
        assertThat(result.report().entries().getFirst().notes()).extracting(n -> n.code())
                .containsExactly(NoteCode.CAPTION_LANGUAGE_UNKNOWN, NoteCode.CAPTIONS_ADDED);
    }

    @Test
    void unknownTypesBanksAndMissingFilesAreReportedAndTheRestImports() throws Exception {
        CartridgeBuilder cc = CartridgeBuilder.cc("1.2")
                .web("page", "page.html", "<p>Kept</p>")
                .resource("gone", "webcontent", "nowhere/file.pdf", List.of("nowhere/file.pdf"))
                .resource("odd", "imsapip_zipv1p0", "odd.zip", List.of())
                .file("bank.xml", "<questestinterop><objectbank ident=\"b\"/></questestinterop>")
                .resource("bank", "imsqti_xmlv1p2/imscc_xmlv1p2/question-bank", null, List.of("bank.xml"))
                .file("a/assignment.xml", "<assignment xmlns=\"http://www.imsglobal.org/xsd/imscc_extensions/assignment\"><title>Lab 1</title></assignment>")
                .resource("asg", "assignment_xmlv1p0", null, List.of("a/assignment.xml"))
                .module(heading("m", "Week", item("i1", "Page", "page"), item("i2", "Gone", "gone"),
                        item("i3", "Odd", "odd"), item("i4", "Bank", "bank"), item("i5", "Lab 1", "asg")));

        ImportResult result = fixture.read(cc);

        assertThat(result.content().items().map(Item::title)).containsExactly("Page");
        assertThat(result.report().entries()).extracting(Entry::identifier, Entry::reason, Entry::params)
                .containsExactly(
                        tuple("i1", Reason.PAGE, Map.of()),
                        tuple("i2", Reason.FILE_MISSING, Map.of("path", "nowhere/file.pdf")),
                        tuple("i3", Reason.UNSUPPORTED_RESOURCE, Map.of("type", "imsapip_zipv1p0")),
                        tuple("i4", Reason.QUESTION_BANK, Map.of()),
                        tuple("i5", Reason.ASSIGNMENT, Map.of("title", "Lab 1")));
    }

    @Test
    void identifiersThatCleanToTheSameKeyStillGiveUniqueKeys() throws Exception {
        CartridgeBuilder cc = CartridgeBuilder.cc("1.1")
                .web("res.1", "a.html", "<p>A</p>")
                .web("res_1", "b.html", "<p>B</p>")
                .module(heading("mod.1", "One", item("i1", "A", "res.1")))
                .module(heading("mod_1", "Two", item("i2", "B", "res_1")));

        ImportResult result = fixture.read(cc);

        assertThat(result.content().modules()).extracting(m -> m.key()).containsExactly("mod_1", "mod_1-2");
        // The second resource's key is taken: it falls back to its placement's identifier.
        assertThat(result.content().items().map(Item::key)).containsExactly("res_1", "i2");
    }

    @Test
    void aPageLinkingOutsideThePackageGetsNoFileFromIt() throws Exception {
        CartridgeBuilder cc = CartridgeBuilder.cc("1.1")
                .file("secret.txt", "not for the page")
                .web("p", "pages/p.html", "<p><a href=\"../../secret.txt\">up and out</a> <a href=\"/etc/passwd\">root</a>"
                        + " <a href=\"other.html\">another page</a></p>")
                .file("pages/other.html", "<p>other</p>")
                .module(heading("m", "M", item("i1", "P", "p")));

        ImportResult result = fixture.read(cc);

        assertThat(fixture.sink.stored).isEmpty();
        assertThat(result.report().findings()).extracting(f -> f.reference())
                .containsExactlyInAnyOrder("../../secret.txt", "/etc/passwd", "other.html");
    }
}
