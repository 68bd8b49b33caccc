package it.bilim.browser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Small files the course tests make for themselves: a PDF whose text pdf.js must put in its text
 * layer, a WAV recording, a Common Cartridge with one page and one QTI quiz (and zip archives for
 * hostile ones), and the XSS corpus of the courses module. The video and captions are committed
 * under test resources {@code /content/ui-*} (eight seconds of VP9/Opus test pattern with a
 * keyframe every second, so seeking lands at once:
 * {@code ffmpeg -f lavfi -i testsrc2=size=160x90:rate=10:duration=8 -f lavfi -i sine=frequency=440:duration=8
 * -c:v libvpx-vp9 -b:v 30k -g 10 -c:a libopus -b:a 16k -shortest ui-lecture.webm}).
 */
final class Fixtures {
    private Fixtures() {
    }

    /** A valid PDF: {@code pages.length} pages, each with its lines of text in Helvetica (a standard font pdf.js brings). */
    static byte[] pdf(String[]... pages) {
        List<String> objects = new ArrayList<>();
        int pageCount = pages.length;
        // 1 catalog, 2 pages, 3 font, then per page: page object and its content stream.
        StringBuilder kids = new StringBuilder();
        for (int i = 0; i < pageCount; i++) {
            kids.append(4 + 2 * i).append(" 0 R ");
        }
        objects.add("<< /Type /Catalog /Pages 2 0 R >>");
        objects.add("<< /Type /Pages /Kids [" + kids.toString().trim() + "] /Count " + pageCount + " >>");
        objects.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
        for (int i = 0; i < pageCount; i++) {
            StringBuilder text = new StringBuilder("BT /F1 24 Tf 72 720 Td 30 TL");
            for (String line : pages[i]) {
                text.append(" (").append(line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")).append(") Tj T*");
            }
            text.append(" ET");
            objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents "
                    + (5 + 2 * i) + " 0 R >>");
            objects.add("<< /Length " + text.length() + " >>\nstream\n" + text + "\nendstream");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        for (int offset : offsets) {
            table.append(String.format("%010d 00000 n \n", offset));
        }
        write(out, table + "trailer\n<< /Size " + (objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n");
        return out.toByteArray();
    }

    /**
     * A valid WAV recording: a 440 Hz tone, 8 kHz mono 16-bit PCM, {@code seconds} long — a RIFF
     * header, a {@code fmt } chunk and the samples, which is all a browser needs to play it.
     */
    static byte[] wav(int seconds) {
        int rate = 8000;
        int samples = rate * seconds;
        ByteBuffer b = ByteBuffer.allocate(44 + 2 * samples).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + 2 * samples).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(2 * samples);
        for (int i = 0; i < samples; i++) {
            b.putShort((short) (8000 * Math.sin(2 * Math.PI * 440 * i / rate)));
        }
        return b.array();
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * A Common Cartridge 1.3 with one module holding one web page and one QTI 1.2 quiz of a
     * single-choice question: what an officer exports from Moodle, at its smallest.
     */
    static byte[] cartridge(String title, String pageText) {
        String manifest = """
                <?xml version="1.0" encoding="UTF-8"?>
                <manifest identifier="M1" xmlns="http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1"
                    xmlns:lomm="http://ltsc.ieee.org/xsd/imsccv1p3/LOM/manifest">
                  <metadata>
                    <schema>IMS Common Cartridge</schema>
                    <schemaversion>1.3.0</schemaversion>
                    <lomm:lom><lomm:general><lomm:title><lomm:string>%s</lomm:string></lomm:title>
                      <lomm:language>en</lomm:language></lomm:general></lomm:lom>
                  </metadata>
                  <organizations>
                    <organization identifier="O1" structure="rooted-hierarchy">
                      <item identifier="ROOT">
                        <item identifier="MOD1"><title>Week 1</title>
                          <item identifier="I1" identifierref="R1"><title>Reading</title></item>
                          <item identifier="I2" identifierref="R2"><title>Check yourself</title></item>
                        </item>
                      </item>
                    </organization>
                  </organizations>
                  <resources>
                    <resource identifier="R1" type="webcontent" href="week1/reading.html">
                      <file href="week1/reading.html"/>
                    </resource>
                    <resource identifier="R2" type="imsqti_xmlv1p2/imscc_xmlv1p3/assessment">
                      <file href="R2/assessment.xml"/>
                    </resource>
                  </resources>
                </manifest>
                """.formatted(title);
        String page = """
                <html><head><title>Reading</title></head><body>
                <h2>Reading</h2><p>%s</p>
                <p><img src="https://tracker.example/pixel.gif" alt="tracker"> <a href="https://example.org/more">More</a></p>
                </body></html>
                """.formatted(pageText);
        String quiz = """
                <?xml version="1.0" encoding="UTF-8"?>
                <questestinterop xmlns="http://www.imsglobal.org/xsd/ims_qtiasiv1p2">
                  <assessment ident="A1" title="Check yourself">
                    <section ident="S1">
                      <item ident="Q1" title="Capital">
                        <itemmetadata><qtimetadata><qtimetadatafield><fieldlabel>cc_profile</fieldlabel>
                          <fieldentry>cc.multiple_choice.v0p1</fieldentry></qtimetadatafield></qtimetadata></itemmetadata>
                        <presentation>
                          <material><mattext texttype="text/html">&lt;p&gt;What is the capital of Kazakhstan?&lt;/p&gt;</mattext></material>
                          <response_lid ident="RESPONSE" rcardinality="Single">
                            <render_choice>
                              <response_label ident="A"><material><mattext texttype="text/plain">Astana</mattext></material></response_label>
                              <response_label ident="B"><material><mattext texttype="text/plain">Almaty</mattext></material></response_label>
                            </render_choice>
                          </response_lid>
                        </presentation>
                        <resprocessing>
                          <outcomes><decvar varname="SCORE" vartype="Decimal" minvalue="0" maxvalue="100"/></outcomes>
                          <respcondition continue="No">
                            <conditionvar><varequal respident="RESPONSE">A</varequal></conditionvar>
                            <setvar varname="SCORE" action="Set">100</setvar>
                          </respcondition>
                        </resprocessing>
                      </item>
                    </section>
                  </assessment>
                </questestinterop>
                """;
        return zip("imsmanifest.xml", manifest, "week1/reading.html", page, "R2/assessment.xml", quiz);
    }

    /**
     * A zip archive of text entries, given as name, text, name, text… in that order, named exactly
     * as given: also with names no honest tool writes, such as {@code ../evil.txt}.
     */
    static byte[] zip(String... namesAndTexts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndTexts.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndTexts[i]));
                zip.write(namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Writes bytes to a temporary file (for a browser's file input); deleted when the JVM exits. */
    static Path temporaryFile(String name, byte[] bytes) {
        try {
            Path dir = Files.createTempDirectory("bilim-ui-");
            Path file = dir.resolve(name);
            Files.write(file, bytes);
            file.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The XSS corpus of the courses module (one payload a line), found from the repository root. */
    static List<String> xssCorpus() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path corpus = dir.resolve("courses/src/test/resources/org/bilim/courses/html/xss-corpus.txt");
            if (Files.isRegularFile(corpus)) {
                try {
                    return Files.readAllLines(corpus, StandardCharsets.UTF_8).stream()
                            .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("xss-corpus.txt not found above " + Path.of("").toAbsolutePath());
    }
}
