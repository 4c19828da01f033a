package verbatim.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** One rendered block of text and what it was made of. */
record Block(String text, int chars, int linkChars, boolean heading, boolean listItem, String marker) {

    double linkDensity() {
        return chars == 0 ? 0 : (double) linkChars / chars;
    }
}

/** Renders elements to text blocks, then keeps the blocks that read as article text. */
final class Blocks {

    private Blocks() {
    }

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…:;\"»)\\]]\\s*$");
    private static final Pattern NORMALISE = Pattern.compile("[\\s\\p{Punct}«»“”‘’–—…]+");

    static List<Block> render(List<Element> roots) {
        List<Block> blocks = new ArrayList<>();
        Renderer r = new Renderer(blocks);
        for (Element root : roots) {
            NodeTraversor.traverse(r, root);
            r.flush();
        }
        return blocks;
    }

    /** Iterative, so that absurdly deep markup cannot overflow the stack. */
    private static final class Renderer implements NodeVisitor {
        private final List<Block> out;
        private final StringBuilder sb = new StringBuilder(256);
        private int chars;
        private int linkChars;
        private int linkDepth;
        private int headingDepth;
        private int listDepth;
        private final java.util.ArrayDeque<int[]> lists = new java.util.ArrayDeque<>(); // ol counter, or -1 for ul
        private String marker = "";

        Renderer(List<Block> out) {
            this.out = out;
        }

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
                append(t.getWholeText());
            } else if (node instanceof Element e) {
                String tag = e.normalName();
                if (tag.equals("br")) {
                    trimTrailingSpace();
                    if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') {
                        sb.append('\n');
                    }
                } else if (MainContent.BLOCK_TAGS.contains(tag)) {
                    flush();
                } else if (tag.equals("td") || tag.equals("th")) {
                    space();
                }
                if (tag.equals("ul") || tag.equals("ol")) {
                    int start = tag.equals("ol") ? parseStart(e.attr("start")) - 1 : -1;
                    lists.push(new int[] {start});
                } else if (tag.equals("li")) {
                    int[] list = lists.peek();
                    // Gold texts and readers both expect list items to look like list items.
                    marker = list == null || list[0] < 0 ? "- " : (++list[0]) + ". ";
                }
                if (tag.equals("a")) {
                    linkDepth++;
                } else if (tag.length() == 2 && tag.charAt(0) == 'h' && Character.isDigit(tag.charAt(1))) {
                    headingDepth++;
                } else if (tag.equals("li") || tag.equals("dt") || tag.equals("dd")) {
                    listDepth++;
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element e) {
                String tag = e.normalName();
                if (MainContent.BLOCK_TAGS.contains(tag)) {
                    flush();
                }
                if ((tag.equals("ul") || tag.equals("ol")) && !lists.isEmpty()) {
                    lists.pop();
                }
                if (tag.equals("a")) {
                    linkDepth--;
                } else if (tag.length() == 2 && tag.charAt(0) == 'h' && Character.isDigit(tag.charAt(1))) {
                    headingDepth--;
                } else if (tag.equals("li") || tag.equals("dt") || tag.equals("dd")) {
                    listDepth--;
                }
            }
        }

        private static int parseStart(String s) {
            try {
                return s.isBlank() ? 1 : Integer.parseInt(s.strip());
            } catch (NumberFormatException e) {
                return 1;
            }
        }

        private void append(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c) || c == '\u00a0' || Character.isSpaceChar(c)) {
                    space();
                } else if (!Character.isISOControl(c) && Character.getType(c) != Character.FORMAT) {
                    // FORMAT covers soft hyphens and zero-width marks, which split words for search
                    sb.append(c);
                    chars++;
                    if (linkDepth > 0) {
                        linkChars++;
                    }
                }
            }
        }

        private void space() {
            int n = sb.length();
            if (n > 0 && sb.charAt(n - 1) != ' ' && sb.charAt(n - 1) != '\n') {
                sb.append(' ');
            }
        }

        private void trimTrailingSpace() {
            while (sb.length() > 0 && sb.charAt(sb.length() - 1) == ' ') {
                sb.setLength(sb.length() - 1);
            }
        }

        void flush() {
            String text = sb.toString().strip();
            if (!text.isEmpty()) {
                out.add(new Block(text.indexOf('\n') < 0 ? text : text.replaceAll(" *\n *", "\n"), chars, linkChars,
                        headingDepth > 0, listDepth > 0, marker));
                marker = "";
            }
            sb.setLength(0);
            chars = 0;
            linkChars = 0;
        }
    }

    // ---- keeping -------------------------------------------------------------------------------

    /** Drops furniture blocks, cuts at the start of comments or recirculation, and joins with blank lines. */
    static String clean(List<Block> blocks, String title) {
        int total = 0;
        for (Block b : blocks) {
            total += b.chars();
        }
        String titleKey = title == null ? null : key(title);
        List<Block> kept = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int emitted = 0;
        int droppedSinceKept = 0;
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            String t = b.text();
            boolean shortLine = b.chars() <= 160;
            if (shortLine && Furniture.COMMENTS_START.matcher(t).matches() && (emitted >= 400 || emitted >= 0.3 * total)) {
                break; // comments never come back to the article
            }
            if (shortLine && b.chars() <= 80 && Furniture.RELATED_START.matcher(t).matches()) {
                if (emitted >= 0.5 * total || restIsLinks(blocks, i + 1)) {
                    break;
                }
                i = skipLinks(blocks, i + 1) - 1;
                continue;
            }
            if (isFurniture(b)) {
                droppedSinceKept++;
                continue;
            }
            if (titleKey != null && kept.size() < 3 && key(t).equals(titleKey)) {
                continue; // the title is metadata, not body
            }
            if (!seen.add(t)) {
                continue;
            }
            // A heading whose section was all links (most read, editors' picks) goes with its links.
            if (droppedSinceKept > 0 && !kept.isEmpty() && kept.get(kept.size() - 1).heading()
                    && (b.heading() || b.chars() < 40)) {
                Block orphan = kept.remove(kept.size() - 1);
                emitted -= orphan.chars();
            }
            droppedSinceKept = 0;
            kept.add(b);
            emitted += b.chars();
        }
        trimEdges(kept);
        StringBuilder sb = new StringBuilder(emitted + 2 * kept.size());
        for (Block b : kept) {
            if (sb.length() > 0) {
                sb.append("\n\n");
            }
            sb.append(b.marker()).append(b.text());
        }
        return sb.toString();
    }

    static boolean isFurniture(Block b) {
        String t = b.text();
        if (b.linkDensity() > 0.5 && !(b.chars() > 300 && b.linkDensity() < 0.7)) {
            return true;
        }
        if (b.chars() <= 220) {
            if (Furniture.FURNITURE_LINE.matcher(t).matches()) {
                return true;
            }
            if (Furniture.DATELINE.matcher(t).matches() && !t.endsWith(".")) {
                return true;
            }
        }
        if (b.chars() <= 400 && Furniture.COOKIE_WORD.matcher(t).find() && Furniture.COOKIE_CONTEXT.matcher(t).find()
                && t.toLowerCase(Locale.ROOT).matches("(?s).*\\b(?:accept|consent|utilis|use|navigat).*")) {
            return true;
        }
        return false;
    }

    private static boolean restIsLinks(List<Block> blocks, int from) {
        int chars = 0;
        int links = 0;
        for (int i = from; i < blocks.size(); i++) {
            chars += blocks.get(i).chars();
            links += blocks.get(i).linkChars();
        }
        return chars == 0 || links > 0.4 * chars;
    }

    private static int skipLinks(List<Block> blocks, int from) {
        int i = from;
        while (i < blocks.size() && (blocks.get(i).linkDensity() > 0.3 || blocks.get(i).chars() < 40)) {
            i++;
        }
        return i;
    }

    /** Short unpunctuated lines at the very start or end are datelines, kickers, credits. */
    private static void trimEdges(List<Block> kept) {
        while (!kept.isEmpty() && isStray(kept.get(0))) {
            kept.remove(0);
        }
        while (!kept.isEmpty() && (isStray(kept.get(kept.size() - 1)) || kept.get(kept.size() - 1).heading())) {
            kept.remove(kept.size() - 1);
        }
    }

    private static boolean isStray(Block b) {
        return b.chars() < 40 && !b.heading() && !SENTENCE_END.matcher(b.text()).find();
    }

    static String key(String s) {
        return NORMALISE.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
