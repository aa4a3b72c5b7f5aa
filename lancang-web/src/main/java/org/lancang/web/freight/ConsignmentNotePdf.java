package org.lancang.web.freight;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The consignment note as a printable PDF (PDFBox), in 中文 / ລາວ / English, with the fonts embedded (subsets). The
 * fonts are the machine's, found at run time in the fontconfig folders: a Chinese one and a Lao one with TrueType
 * outlines (PDFBox embeds TrueType; the CFF-outline Noto CJK fonts it cannot subset). When one is missing the PDF is
 * refused saying which font to install, rather than printing empty boxes.
 */
public final class ConsignmentNotePdf {
    /** Where fontconfig looks on Debian (fonts-droid-fallback, fonts-lao, fonts-noto-core, fonts-dejavu-core). */
    static final List<Path> FONT_DIRS = List.of(
            Path.of("/usr/share/fonts"),
            Path.of("/usr/local/share/fonts"),
            Path.of(System.getProperty("user.home"), ".local/share/fonts"),
            Path.of(System.getProperty("user.home"), ".fonts"));

    /** Font files tried for each script, best first (TrueType outlines). */
    static final List<String> CHINESE = List.of("DroidSansFallbackFull.ttf", "DroidSansFallback.ttf", "wqy-zenhei.ttc");

    static final List<String> LAO =
            List.of("NotoSansLao-Regular.ttf", "NotoSansLaoUI-Regular.ttf", "Phetsarath_OT.ttf", "Saysettha_OT.ttf");
    static final List<String> LATIN = List.of("DejaVuSans.ttf", "LiberationSans-Regular.ttf", "NotoSans-Regular.ttf");

    /** A font the note needs is not on this machine. */
    public static final class FontMissing extends RuntimeException {
        FontMissing(String message) {
            super(message);
        }
    }

    /** One line of the note: a label in the three languages and the value. */
    public record Line(String label, String value) {}

    /** A titled block of lines (a box of the SMGS form). */
    public record Block(String title, List<Line> lines) {}

    private final Path chinese;
    private final Path lao;
    private final Path latin;

    private ConsignmentNotePdf(Path chinese, Path lao, Path latin) {
        this.chinese = chinese;
        this.lao = lao;
        this.latin = latin;
    }

    /** The fonts found on this machine, or {@link FontMissing} naming the Debian package to install. */
    public static ConsignmentNotePdf withSystemFonts() {
        Path zh = find(CHINESE)
                .orElseThrow(() -> new FontMissing("no Chinese font with TrueType outlines found in " + FONT_DIRS
                        + " (looked for " + CHINESE + "): install Debian's fonts-droid-fallback"));
        Path lo = find(LAO)
                .orElseThrow(() -> new FontMissing(
                        "no Lao font found in " + FONT_DIRS + " (looked for " + LAO + "): install Debian's fonts-lao"));
        return new ConsignmentNotePdf(zh, lo, find(LATIN).orElse(null));
    }

    static Optional<Path> find(List<String> names) {
        for (String name : names) {
            for (Path dir : FONT_DIRS) {
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(dir)) {
                    Optional<Path> hit = files.filter(
                                    p -> p.getFileName().toString().equals(name))
                            .findFirst();
                    if (hit.isPresent()) {
                        return hit;
                    }
                } catch (IOException e) {
                    // an unreadable folder: look in the next
                }
            }
        }
        return Optional.empty();
    }

    public List<Path> fonts() {
        List<Path> out = new ArrayList<>();
        if (latin != null) {
            out.add(latin);
        }
        out.add(lao);
        out.add(chinese);
        return out;
    }

    /** The note on A4 pages: a title, then each block as a table of label and value, wrapped to the page. */
    public byte[] render(String title, String subtitle, List<Block> blocks) {
        try (PDDocument doc = new PDDocument()) {
            List<PDFont> fonts = new ArrayList<>();
            for (Path p : fonts()) {
                fonts.add(load(doc, p));
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(title);
            info.setCreator("Lancang");
            Writer w = new Writer(doc, fonts);
            w.text(title, 15, MARGIN);
            w.text(subtitle, 9, MARGIN);
            w.gap(6);
            for (Block b : blocks) {
                w.rule();
                w.text(b.title(), 10.5f, MARGIN);
                for (Line l : b.lines()) {
                    w.row(l.label(), l.value());
                }
                w.gap(4);
            }
            w.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PDFont load(PDDocument doc, Path file) throws IOException {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
            TrueTypeCollection ttc = new TrueTypeCollection(file.toFile());
            TrueTypeFont[] first = new TrueTypeFont[1];
            ttc.processAllFonts(f -> {
                if (first[0] == null) {
                    first[0] = f;
                }
            });
            return PDType0Font.load(doc, first[0], true);
        }
        return PDType0Font.load(doc, file.toFile());
    }

    private static final float MARGIN = 40;
    private static final float LABEL_WIDTH = 210;

    /** Lays text down the pages, each character in the first font that has it. */
    private static final class Writer {
        private final PDDocument doc;
        private final List<PDFont> fonts;
        private PDPageContentStream stream;
        private float y;

        Writer(PDDocument doc, List<PDFont> fonts) throws IOException {
            this.doc = doc;
            this.fonts = fonts;
            newPage();
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            stream = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void gap(float points) {
            y -= points;
        }

        void rule() throws IOException {
            ensure(8);
            stream.setLineWidth(0.6f);
            stream.moveTo(MARGIN, y);
            stream.lineTo(PDRectangle.A4.getWidth() - MARGIN, y);
            stream.stroke();
            y -= 4;
        }

        void text(String s, float size, float x) throws IOException {
            for (String line : wrap(s, size, PDRectangle.A4.getWidth() - MARGIN - x)) {
                ensure(size * 1.45f);
                y -= size * 1.35f;
                show(line, size, x, y);
            }
        }

        void row(String label, String value) throws IOException {
            float size = 8.5f;
            List<String> left = wrap(label, size, LABEL_WIDTH - 8);
            List<String> right = wrap(
                    value == null || value.isBlank() ? "—" : value,
                    size,
                    PDRectangle.A4.getWidth() - 2 * MARGIN - LABEL_WIDTH);
            int n = Math.max(left.size(), right.size());
            for (int i = 0; i < n; i++) {
                ensure(size * 1.5f);
                y -= size * 1.4f;
                if (i < left.size()) {
                    show(left.get(i), size, MARGIN, y);
                }
                if (i < right.size()) {
                    show(right.get(i), size, MARGIN + LABEL_WIDTH, y);
                }
            }
        }

        private void ensure(float height) throws IOException {
            if (y - height < MARGIN) {
                newPage();
            }
        }

        /** Splits at spaces (and anywhere in runs without spaces, as Chinese and Lao are written) to fit the width. */
        private List<String> wrap(String s, float size, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            int i = 0;
            while (i < s.length()) {
                int cp = s.codePointAt(i);
                String ch = new String(Character.toChars(cp));
                if (cp == '\n') {
                    lines.add(line.toString());
                    line.setLength(0);
                } else if (width(line + ch, size) > width && line.length() > 0) {
                    int space = line.lastIndexOf(" ");
                    if (space > 0 && cp != ' ') {
                        lines.add(line.substring(0, space));
                        line.delete(0, space + 1);
                    } else {
                        lines.add(line.toString());
                        line.setLength(0);
                    }
                    if (cp != ' ') {
                        line.append(ch);
                    }
                } else {
                    line.append(ch);
                }
                i += Character.charCount(cp);
            }
            lines.add(line.toString());
            return lines;
        }

        private float width(String s, float size) throws IOException {
            float w = 0;
            for (Run r : runs(s)) {
                w += r.font().getStringWidth(r.text()) / 1000 * size;
            }
            return w;
        }

        private void show(String s, float size, float x, float atY) throws IOException {
            stream.beginText();
            stream.newLineAtOffset(x, atY);
            for (Run r : runs(s)) {
                stream.setFont(r.font(), size);
                stream.showText(r.text());
            }
            stream.endText();
        }

        private record Run(PDFont font, String text) {}

        /** The text cut into runs each in the first font that can show all its characters. */
        private List<Run> runs(String s) {
            List<Run> runs = new ArrayList<>();
            PDFont current = null;
            StringBuilder text = new StringBuilder();
            int i = 0;
            while (i < s.length()) {
                int cp = s.codePointAt(i);
                String ch = new String(Character.toChars(cp));
                PDFont font = fontFor(ch, current);
                if (font == null) {
                    ch = "?";
                    font = fontFor(ch, current);
                }
                if (font != current && text.length() > 0) {
                    runs.add(new Run(current, text.toString()));
                    text.setLength(0);
                }
                current = font;
                text.append(ch);
                i += Character.charCount(cp);
            }
            if (text.length() > 0) {
                runs.add(new Run(current, text.toString()));
            }
            return runs;
        }

        private PDFont fontFor(String ch, PDFont current) {
            // combining marks and spaces stay in the run's font, so a Lao syllable is not split across fonts
            if (current != null
                    && (ch.equals(" ") || Character.getType(ch.codePointAt(0)) == Character.NON_SPACING_MARK)
                    && canShow(current, ch)) {
                return current;
            }
            // a script's own font first (DejaVu has Lao letters too, but the Lao font writes them as Lao readers
            // expect)
            Character.UnicodeScript script = Character.UnicodeScript.of(ch.codePointAt(0));
            PDFont own = script == Character.UnicodeScript.LAO
                    ? fonts.get(fonts.size() - 2)
                    : script == Character.UnicodeScript.HAN ? fonts.get(fonts.size() - 1) : null;
            if (own != null && canShow(own, ch)) {
                return own;
            }
            for (PDFont f : fonts) {
                if (canShow(f, ch)) {
                    return f;
                }
            }
            return null;
        }

        private static boolean canShow(PDFont f, String ch) {
            try {
                f.encode(ch);
                return true;
            } catch (IOException | IllegalArgumentException e) {
                return false;
            }
        }

        void close() throws IOException {
            stream.close();
        }
    }
}
