package verbatim.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cleans the plain text of an article already pulled out of its web page, one paragraph a line, which still
 * carries the page's furniture line by line: share buttons, image file names, comment sections, related posts.
 *
 * <p>What comes out: the title (the first line, when it reads like one), the body as paragraphs separated by a
 * blank line, the tags (from a category line such as {@code "Publié dans : A, B"} and from lines made only of
 * hashtags), and the language. Author, date, site and URL are not in such text and stay null.
 */
public final class TextCleaner {

    /** A title is a line, not a paragraph: longer first lines are a chapô. */
    private static final int MAX_TITLE_LENGTH = 200;
    /** Lines up to this many words may be repeated headings or captions, or titles ending in a full stop. */
    private static final int SHORT_LINE_WORDS = 12;

    /** Control and format characters (zero-width spaces, soft hyphens...) that extraction leaves in text. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\t]]");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");

    /** Cleans one text; never throws, and {@code null} or blank input gives an empty page. */
    public CleanedPage clean(String text) {
        List<String> lines = lines(text);

        // Category lines may sit anywhere (WordPress prints them under the post, some themes above the title too,
        // bare: "Intuitions, Social CRM"), so read them all first; the bare copy is then recognisable.
        Set<String> tags = new LinkedHashSet<>();
        Set<Set<String>> categoryLists = new HashSet<>();
        List<List<String>> categoriesOfLine = new ArrayList<>(lines.size());
        for (String line : lines) {
            List<String> categories = BoilerplateText.categories(line);
            categoriesOfLine.add(categories);
            tags.addAll(categories);
            if (!categories.isEmpty()) {
                categoryLists.add(foldedItems(String.join(",", categories)));
            }
        }

        String title = null;
        boolean titleDecided = false;
        List<String> body = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty() || !categoriesOfLine.get(i).isEmpty()
                    || !categoryLists.isEmpty() && isShort(line) && categoryLists.contains(foldedItems(line))) {
                continue;
            }
            if (BoilerplateText.startsTrailer(line)) {
                // Above the article the same words are only a link ("Laisser un commentaire" under the title).
                if (body.isEmpty()) {
                    continue;
                }
                break;
            }
            List<String> hashtags = BoilerplateText.hashtags(line);
            if (!hashtags.isEmpty()) {
                tags.addAll(hashtags);
                continue;
            }
            if (BoilerplateText.isFurniture(line)) {
                continue;
            }
            if (!titleDecided) {
                titleDecided = true;
                if (looksLikeTitle(line)) {
                    title = line;
                    continue;
                }
            }
            if (isShort(line) && (repeatsTitle(line, title, body) || repeatsPrevious(line, body))) {
                continue;
            }
            body.add(line);
        }
        if (body.isEmpty() && title != null) {
            // A single line is the text itself, not the title of nothing.
            body.add(title);
            title = null;
        }

        String cleaned = String.join("\n\n", body);
        String lang = Languages.guess(title == null ? cleaned : title + "\n\n" + cleaned);
        return new CleanedPage(title, null, null, null, null, List.copyOf(tags), lang, cleaned);
    }

    /** Non-blank and blank lines, tidied: whitespace runs and no-break spaces as one space, control chars gone. */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        if (text == null) {
            return lines;
        }
        for (String line : text.split("\r\n|\r|\n")) {
            lines.add(BoilerplateText.tidy(INVISIBLE.matcher(line).replaceAll("")));
        }
        return lines;
    }

    /**
     * One line, no lead-in to what follows (no final colon), and if it ends in a full stop, short:
     * "Renault Twingo Z.E." and "Le digital a vécu." are titles, a chapô of two sentences is not.
     */
    static boolean looksLikeTitle(String line) {
        if (line.length() > MAX_TITLE_LENGTH || line.endsWith(":") || !LETTER.matcher(line).find()) {
            return false;
        }
        boolean endsSentence = line.endsWith(".") && !line.endsWith("..");
        return !endsSentence || isShort(line);
    }

    private static boolean isShort(String line) {
        return line.split(" ").length <= SHORT_LINE_WORDS;
    }

    /** Before the body starts, a short line inside the title is its echo: an image caption, a breadcrumb. */
    private static boolean repeatsTitle(String line, String title, List<String> body) {
        return title != null && body.isEmpty() && BoilerplateText.fold(title).contains(BoilerplateText.fold(line));
    }

    /**
     * A short line twice in a row is a heading printed twice (author box name, image alt and caption). Only in a
     * row: a speaker label repeated turn after turn in an interview must stay.
     */
    private static boolean repeatsPrevious(String line, List<String> body) {
        return !body.isEmpty() && BoilerplateText.fold(body.getLast()).equals(BoilerplateText.fold(line));
    }

    private static Set<String> foldedItems(String line) {
        Set<String> items = new HashSet<>();
        for (String item : BoilerplateText.fold(line).split("[,;|]")) {
            items.add(item.strip());
        }
        return items;
    }
}
