import java.io.File;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Writes the demo courses' lecture notes as PDFs with real (extractable) text, so a screen
 * reader and the kiosk's PDF viewer's text layer can read them. Run by make-assets.sh.
 */
public class MakePdfs {
    public static void main(String[] args) throws Exception {
        File out = new File(args[0]);
        File font = new File(args[1]);
        write(new File(out, "law-notes-ru.pdf"), font, "ru", "Правовая грамотность — конспект лекции 1", List.of(
                "Конституция Республики Казахстан — основной закон государства.",
                "Она закрепляет права и свободы человека и гражданина.",
                "Каждый имеет право на судебную защиту своих прав и свобод.",
                "Каждый имеет право на получение квалифицированной юридической помощи.",
                "",
                "Вопросы для самопроверки:",
                "1. Какой закон обладает высшей юридической силой?",
                "2. Какие права нельзя ограничить ни при каких условиях?"));
        write(new File(out, "finance-notes-kk.pdf"), font, "kk", "Қаржылық сауаттылық — 1-дәрістің конспектісі", List.of(
                "Отбасы бюджеті — табыс пен шығыстың жоспары.",
                "Табыс: жалақы, зейнетақы, әлеуметтік төлемдер.",
                "Шығыс: тамақ, тұрғын үй, көлік, білім.",
                "Жинақ — болашақ мақсаттарға арналған ақша.",
                "",
                "Өзіңізді тексеріңіз:",
                "1. Айлық табысыңыздың қанша бөлігін жинауға болады?",
                "2. Несие алмас бұрын нені тексеру керек?"));
    }

    static void write(File file, File fontFile, String lang, String title, List<String> lines) throws Exception {
        try (PDDocument doc = new PDDocument()) {
            PDType0Font font = PDType0Font.load(doc, fontFile);
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(title);
            info.setAuthor("Bilim demo");
            doc.getDocumentCatalog().setLanguage(lang);
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                s.beginText();
                s.setFont(font, 16);
                s.newLineAtOffset(56, 780);
                s.showText(title);
                s.setFont(font, 12);
                s.setLeading(18);
                s.newLine();
                s.newLine();
                for (String line : lines) {
                    s.showText(line);
                    s.newLine();
                }
                s.endText();
            }
            doc.save(file);
        }
    }
}
