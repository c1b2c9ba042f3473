package app.attune.report;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.COSObjectable;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDParentTreeValue;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/**
 * An A4 document written top to bottom, tagged as it is written: every piece of text is marked
 * content under a structure element (headings, paragraphs, tables, a figure with its alternative
 * text), decoration is an artifact, and the catalog carries the language and title, so that a
 * screen reader reads it in order. The font is embedded (PDFBox's Liberation Sans).
 */
final class TaggedPdf implements AutoCloseable {

    static final float MARGIN = 50;
    static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private final PDDocument document = new PDDocument();
    private final PDFont font;
    private final PDStructureElement root;
    private final Map<Integer, COSObjectable> parentTree = new HashMap<>();
    private PDPage page;
    private PDPageContentStream content;
    private COSArray pageElements;
    private int mcid;
    private float y;

    TaggedPdf(String title, String language) {
        try (InputStream ttf = PDDocument.class.getResourceAsStream(FONT)) {
            font = PDType0Font.load(document, ttf, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PDDocumentCatalog catalog = document.getDocumentCatalog();
        catalog.setLanguage(language);
        PDMarkInfo markInfo = new PDMarkInfo();
        markInfo.setMarked(true);
        catalog.setMarkInfo(markInfo);
        PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
        preferences.setDisplayDocTitle(true);
        catalog.setViewerPreferences(preferences);
        document.getDocumentInformation().setTitle(title);
        document.getDocumentInformation().setCreator("Attune");
        PDStructureTreeRoot tree = new PDStructureTreeRoot();
        catalog.setStructureTreeRoot(tree);
        root = new PDStructureElement(StandardStructureTypes.DOCUMENT, tree);
        tree.appendKid(root);
        newPage();
    }

    /** A structure element under {@code parent} (the document when null), for tables and their rows. */
    PDStructureElement group(String type, PDStructureElement parent) {
        PDStructureNode under = parent == null ? root : parent;
        PDStructureElement element = new PDStructureElement(type, under);
        element.setPage(page);
        under.appendKid(element);
        return element;
    }

    void heading(String type, String text, float size) {
        space(size * 1.6f);
        y -= size * 0.6f;
        paragraph(type, text, size, root);
        y -= size * 0.3f;
    }

    void paragraph(String text, float size) {
        paragraph(StandardStructureTypes.P, text, size, root);
    }

    /** Wrapped text as one element of {@code type}; a page break inside it continues the element. */
    void paragraph(String type, String text, float size, PDStructureElement parent) {
        PDStructureElement element = group(type, parent);
        for (String line : wrap(printable(text), size, WIDTH)) {
            space(size * 1.35f);
            y -= size * 1.35f;
            text(element, line, MARGIN, y, size);
        }
    }

    /**
     * One table row of cells at fixed widths; a cell's text is cut to its width, the row is
     * marked TR with TH or TD cells.
     */
    void row(PDStructureElement table, float[] widths, List<String> cells, boolean header, float size) {
        space(size * 1.5f);
        y -= size * 1.5f;
        PDStructureElement row = group(StandardStructureTypes.TR, table);
        float x = MARGIN;
        for (int i = 0; i < cells.size(); i++) {
            PDStructureElement cell = group(header ? StandardStructureTypes.TH : StandardStructureTypes.TD, row);
            String text = fit(printable(cells.get(i)), size, widths[i] - 4);
            text(cell, text, x, y, size);
            x += widths[i];
        }
    }

    /** Room for a figure of this height, and its element with alternative text. */
    PDStructureElement figure(float height, String alternative) {
        space(height + 10);
        PDStructureElement figure = group(StandardStructureTypes.Figure, null);
        figure.setAlternateDescription(alternative);
        return figure;
    }

    /** The top of the space a figure takes, after which the cursor is below it. */
    float take(float height) {
        float top = y - 6;
        y -= height + 10;
        return top;
    }

    /** Drawing inside a figure: marked as the figure's content. */
    void draw(PDStructureElement figure, Drawing drawing) {
        marked(figure, StandardStructureTypes.Figure, drawing);
    }

    /** Decoration a reader skips: rules, axes. */
    void artifact(Drawing drawing) {
        try {
            content.beginMarkedContent(COSName.ARTIFACT);
            drawing.draw(content, font);
            content.endMarkedContent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    float width(String text, float size) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text the embedded font can show: tabs and line ends become spaces, a missing glyph a question mark. */
    String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                out.append(' ');
                return;
            }
            String ch = new String(Character.toChars(c));
            try {
                font.encode(ch);
                out.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString();
    }

    byte[] bytes() {
        try {
            finishPage();
            PDNumberTreeNode tree = new PDNumberTreeNode(PDParentTreeValue.class);
            tree.setNumbers(parentTree);
            PDStructureTreeRoot structure = document.getDocumentCatalog().getStructureTreeRoot();
            structure.setParentTree(tree);
            structure.setParentTreeNextKey(parentTree.size());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (content != null) {
                content.close();
            }
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    interface Drawing {
        void draw(PDPageContentStream content, PDFont font) throws IOException;
    }

    private void text(PDStructureElement element, String text, float x, float baseline, float size) {
        marked(element, element.getStructureType(), (stream, embedded) -> {
            stream.beginText();
            stream.setFont(embedded, size);
            stream.setNonStrokingColor(Color.BLACK);
            stream.newLineAtOffset(x, baseline);
            stream.showText(text);
            stream.endText();
        });
    }

    private void marked(PDStructureElement element, String type, Drawing drawing) {
        try {
            COSDictionary properties = new COSDictionary();
            properties.setInt(COSName.MCID, mcid);
            content.beginMarkedContent(COSName.getPDFName(type), PDPropertyList.create(properties));
            drawing.draw(content, font);
            content.endMarkedContent();
            element.setPage(page);
            element.appendKid(PDMarkedContent.create(COSName.getPDFName(type), properties));
            pageElements.add(element);
            mcid++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new page when fewer than {@code needed} points are left. */
    private void space(float needed) {
        if (y - needed < MARGIN) {
            newPage();
        }
    }

    private void newPage() {
        try {
            finishPage();
            page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            page.setStructParents(parentTree.size());
            pageElements = new COSArray();
            parentTree.put(parentTree.size(), new PDParentTreeValue(pageElements));
            content = new PDPageContentStream(document, page);
            mcid = 0;
            y = PDRectangle.A4.getHeight() - MARGIN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void finishPage() throws IOException {
        if (content != null) {
            content.close();
            content = null;
        }
    }

    /** Words across lines of the width; a word longer than a line is split where it must be. */
    private List<String> wrap(String text, float size, float width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" +")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, size) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (width(rest, size) > width) {
                int n = Math.max(1, fitting(rest, size, width));
                lines.add(rest.substring(0, n));
                rest = rest.substring(n);
            }
            line.append(rest);
        }
        lines.add(line.toString());
        return lines;
    }

    /** The text cut to the width, with an ellipsis when cut. */
    private String fit(String text, float size, float width) {
        if (width(text, size) <= width) {
            return text;
        }
        return text.substring(0, fitting(text, size, width - width("…", size))) + "…";
    }

    /** How many leading chars fit in the width (binary search; a surrogate pair is never split). */
    private int fitting(String text, float size, float width) {
        int low = 0;
        int high = text.length();
        while (low < high) {
            int middle = (low + high + 1) / 2;
            if (width(text.substring(0, middle), size) <= width) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low > 0 && Character.isHighSurrogate(text.charAt(low - 1)) ? low - 1 : low;
    }
}
