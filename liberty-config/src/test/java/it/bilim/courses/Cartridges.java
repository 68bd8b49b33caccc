package it.bilim.courses;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Small IMS Common Cartridges written in the test the way Moodle exports them (CC 1.1: one folder
 * per resource, {@code $IMS-CC-FILEBASE$} links, QTI 1.2 quizzes, web links), and hostile ones.
 */
final class Cartridges {
    private Cartridges() {
    }

    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A Moodle-shaped course: a page with a packaged image and an outside one, a PDF, a quiz, a web link. */
    static Map<String, byte[]> moodle(String title, byte[] png, byte[] pdf) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("imsmanifest.xml", utf8("""
                <?xml version="1.0" encoding="UTF-8"?>
                <manifest identifier="cctd0001" xmlns="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
                          xmlns:lomimscc="http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest">
                  <metadata><schema>IMS Common Cartridge</schema><schemaversion>1.1.0</schemaversion>
                    <lomimscc:lom><lomimscc:general><lomimscc:title><lomimscc:string>%s</lomimscc:string></lomimscc:title>
                    <lomimscc:language>ru</lomimscc:language></lomimscc:general></lomimscc:lom></metadata>
                  <organizations><organization identifier="org_1" structure="rooted-hierarchy">
                    <item identifier="LearningModules">
                      <item identifier="week1"><title>Неделя 1</title>
                        <item identifier="i_page" identifierref="r_page"><title>Введение</title></item>
                        <item identifier="i_pdf" identifierref="r_pdf"><title>Конспект</title></item>
                        <item identifier="i_sub"><title>Дополнительно</title>
                          <item identifier="i_link" identifierref="r_link"><title>Сайт суда</title></item>
                        </item>
                      </item>
                      <item identifier="week2"><title>Неделя 2</title>
                        <item identifier="i_quiz" identifierref="r_quiz"><title>Тест</title></item>
                      </item>
                    </item>
                  </organization></organizations>
                  <resources>
                    <resource identifier="r_page" type="webcontent" href="page/intro.html">
                      <file href="page/intro.html"/><file href="page/scheme.png"/></resource>
                    <resource identifier="r_pdf" type="webcontent" href="files/notes.pdf"><file href="files/notes.pdf"/></resource>
                    <resource identifier="r_link" type="imswl_xmlv1p1"><file href="link/weblink.xml"/></resource>
                    <resource identifier="r_quiz" type="imsqti_xmlv1p2/imscc_xmlv1p1/assessment">
                      <file href="quiz/assessment.xml"/></resource>
                  </resources>
                </manifest>
                """.formatted(title)));
        files.put("page/intro.html", utf8("<html><head><title>Введение</title></head><body><h2>Введение</h2>"
                + "<p>Право — это система правил.</p><img src=\"$IMS-CC-FILEBASE$/page/scheme.png\" alt=\"Схема\">"
                + "<img src=\"https://evil.example/pixel.png\" alt=\"\"><script>alert(1)</script></body></html>"));
        files.put("page/scheme.png", png);
        files.put("files/notes.pdf", pdf);
        files.put("link/weblink.xml", utf8("""
                <?xml version="1.0" encoding="UTF-8"?>
                <webLink xmlns="http://www.imsglobal.org/xsd/imsccv1p1/imswl_v1p1"><title>Сайт суда</title>
                <url href="https://court.example/" target="_blank"/></webLink>
                """));
        files.put("quiz/assessment.xml", utf8("""
                <?xml version="1.0" encoding="UTF-8"?>
                <questestinterop xmlns="http://www.imsglobal.org/xsd/ims_qtiasiv1p2">
                  <assessment ident="a1" title="Тест">
                    <qtimetadata><qtimetadatafield><fieldlabel>cc_maxattempts</fieldlabel><fieldentry>2</fieldentry></qtimetadatafield></qtimetadata>
                    <section ident="root_section">
                      <item ident="q1" title="Закон">
                        <itemmetadata><qtimetadata><qtimetadatafield><fieldlabel>cc_profile</fieldlabel>
                          <fieldentry>cc.multiple_choice.v0p1</fieldentry></qtimetadatafield></qtimetadata></itemmetadata>
                        <presentation><material><mattext texttype="text/html">&lt;p&gt;Основной закон?&lt;/p&gt;</mattext></material>
                          <response_lid ident="response1" rcardinality="Single"><render_choice>
                            <response_label ident="a"><material><mattext texttype="text/plain">Конституция</mattext></material></response_label>
                            <response_label ident="b"><material><mattext texttype="text/plain">Приказ</mattext></material></response_label>
                          </render_choice></response_lid></presentation>
                        <resprocessing><outcomes><decvar varname="SCORE" vartype="Decimal" minvalue="0" maxvalue="100"/></outcomes>
                          <respcondition continue="No"><conditionvar><varequal respident="response1">a</varequal></conditionvar>
                            <setvar action="Set" varname="SCORE">100</setvar></respcondition></resprocessing>
                      </item>
                    </section>
                  </assessment>
                </questestinterop>
                """));
        return files;
    }
}
