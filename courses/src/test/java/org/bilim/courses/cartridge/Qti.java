package org.bilim.courses.cartridge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** QTI 1.2 for tests, written the way Canvas and Moodle write it; conditions are given as XML. */
final class Qti {
    private Qti() {
    }

    static String assessment(String title, Map<String, String> meta, Item... items) {
        StringBuilder s = new StringBuilder();
        s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        s.append("<questestinterop xmlns=\"http://www.imsglobal.org/xsd/ims_qtiasiv1p2\">\n");
        s.append("  <assessment ident=\"a1\" title=\"").append(CartridgeBuilder.escape(title)).append("\">\n");
        s.append(metadata(meta));
        s.append("    <section ident=\"root_section\">\n");
        for (Item i : items) {
            s.append(i.xml());
        }
        s.append("    </section>\n  </assessment>\n</questestinterop>\n");
        return s.toString();
    }

    static Item item(String ident) {
        return new Item(ident);
    }

    /** A choice label whose text is HTML. */
    static String label(String ident, String html) {
        return "<response_label ident=\"" + ident + "\"><material><mattext texttype=\"text/html\"><![CDATA[" + html
                + "]]></mattext></material></response_label>";
    }

    /** A choice label as Canvas writes plain ones. */
    static String plainLabel(String ident, String text) {
        return "<response_label ident=\"" + ident + "\"><material><mattext texttype=\"text/plain\">" + CartridgeBuilder.escape(text)
                + "</mattext></material></response_label>";
    }

    static String when(String respident, String label, String score, String... feedback) {
        StringBuilder s = new StringBuilder("<respcondition continue=\"" + (score == null ? "Yes" : "No") + "\"><conditionvar>");
        s.append("<varequal respident=\"").append(respident).append("\">").append(label).append("</varequal></conditionvar>");
        if (score != null) {
            s.append("<setvar action=\"Set\" varname=\"SCORE\">").append(score).append("</setvar>");
        }
        for (String f : feedback) {
            s.append("<displayfeedback feedbacktype=\"Response\" linkrefid=\"").append(f).append("\"/>");
        }
        return s.append("</respcondition>").toString();
    }

    static String otherwise(String feedback) {
        return "<respcondition continue=\"Yes\"><conditionvar><other/></conditionvar>"
                + "<displayfeedback feedbacktype=\"Response\" linkrefid=\"" + feedback + "\"/></respcondition>";
    }

    private static String metadata(Map<String, String> meta) {
        if (meta.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder("<qtimetadata>");
        meta.forEach((k, v) -> s.append("<qtimetadatafield><fieldlabel>").append(k).append("</fieldlabel><fieldentry>")
                .append(v).append("</fieldentry></qtimetadatafield>"));
        return s.append("</qtimetadata>\n").toString();
    }

    static final class Item {
        private final String ident;
        private final Map<String, String> meta = new LinkedHashMap<>();
        private String prompt = "";
        private String response = "";
        private final List<String> conditions = new ArrayList<>();
        private final Map<String, String> feedback = new LinkedHashMap<>();
        private String decvar = "<decvar maxvalue=\"100\" minvalue=\"0\" varname=\"SCORE\" vartype=\"Decimal\"/>";

        Item(String ident) {
            this.ident = ident;
        }

        Item meta(String label, String entry) {
            meta.put(label, entry);
            return this;
        }

        Item prompt(String html) {
            this.prompt = "<material><mattext texttype=\"text/html\"><![CDATA[" + html + "]]></mattext></material>";
            return this;
        }

        Item plainPrompt(String text) {
            this.prompt = "<material><mattext texttype=\"text/plain\">" + CartridgeBuilder.escape(text) + "</mattext></material>";
            return this;
        }

        Item lid(String cardinality, String... labels) {
            this.response = "<response_lid ident=\"response1\" rcardinality=\"" + cardinality + "\"><render_choice>"
                    + String.join("", labels) + "</render_choice></response_lid>";
            return this;
        }

        /** A typed answer; {@code fibtype} may be null. */
        Item str(String fibtype, String rows) {
            this.response = "<response_str ident=\"response1\" rcardinality=\"Single\"><render_fib"
                    + (fibtype == null ? "" : " fibtype=\"" + fibtype + "\"") + (rows == null ? "" : " rows=\"" + rows + "\"")
                    + "><response_label ident=\"answer1\" rshuffle=\"No\"/></render_fib></response_str>";
            return this;
        }

        Item num() {
            this.response = "<response_num ident=\"response1\" rcardinality=\"Single\"><render_fib fibtype=\"Decimal\">"
                    + "<response_label ident=\"answer1\"/></render_fib></response_num>";
            return this;
        }

        Item response(String xml) {
            this.response = xml;
            return this;
        }

        Item decvar(String xml) {
            this.decvar = xml;
            return this;
        }

        Item condition(String xml) {
            conditions.add(xml);
            return this;
        }

        Item feedback(String ident, String html) {
            feedback.put(ident, html);
            return this;
        }

        String xml() {
            StringBuilder s = new StringBuilder();
            s.append("      <item ident=\"").append(ident).append("\" title=\"Question\">\n");
            if (!meta.isEmpty()) {
                s.append("        <itemmetadata>").append(metadata(meta)).append("</itemmetadata>\n");
            }
            s.append("        <presentation>").append(prompt).append(response).append("</presentation>\n");
            s.append("        <resprocessing><outcomes>").append(decvar).append("</outcomes>");
            conditions.forEach(s::append);
            s.append("</resprocessing>\n");
            feedback.forEach((id, html) -> s.append("        <itemfeedback ident=\"").append(id)
                    .append("\"><flow_mat><material><mattext texttype=\"text/html\"><![CDATA[").append(html)
                    .append("]]></mattext></material></flow_mat></itemfeedback>\n"));
            s.append("      </item>\n");
            return s.toString();
        }
    }
}
