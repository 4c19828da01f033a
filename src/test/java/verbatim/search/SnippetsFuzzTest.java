package verbatim.search;

import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import verbatim.Fuzz;
import verbatim.Fuzz.Gen;
import verbatim.analysis.AnalysedArticle;
import verbatim.analysis.Mentions;
import verbatim.index.LuceneArticleIndex;
import verbatim.ingest.Article;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static verbatim.Fuzz.frequency;
import static verbatim.Fuzz.of;
import static verbatim.Fuzz.strings;
import static verbatim.Fuzz.w;

/**
 * Fuzzes the sentence breaks and the passages made with them: whatever the text, the boundaries are one
 * increasing sequence from 0 to the end that {@code following} and {@code preceding} agree with, and the
 * highlighted passages are few, short, escaped and never throw.
 * Tries and seed: {@code verbatim.fuzz.tries}, {@code verbatim.fuzz.seed} ({@link Fuzz}; README, "Fuzzing").
 */
class SnippetsFuzzTest {

    /** Pieces of article text where sentences are hard to tell: punctuation, French spacing, abbreviations, line breaks. */
    private static final List<String> PIECES = List.of("Le", "marché", "zorbaxium", "Zorbaxium", "recule", "et", "M.", "Mme.",
            "J.", "etc.", "3.5", ".", "...", "…", "?", "!", "?!", " ", "  ", "\u00a0", "\u202f", "\n", "\n\n", "\r\n", "\u2029",
            "«", "»", "\"", "“", "”", "(", ")", "[", "]", "'", "’", "-", "—", "•", "<script>", "&amp;", "😀", "\uD83D", "\uDE00",
            "\u0301", "\t", "\u0000");

    private static Gen<String> texts(int maxPieces) {
        Gen<String> piece = frequency(w(6, of(PIECES)), w(1, strings(0, 12)));
        return piece.list(0, maxPieces).map(pieces -> String.join(glue(pieces), pieces));
    }

    /** Pieces are joined by a space most of the time, glued otherwise (decided by the pieces, so the input replays). */
    private static String glue(List<String> pieces) {
        return pieces.size() % 3 == 0 ? "" : " ";
    }

    private static final List<String> EDGE_TEXTS = List.of("", " ", ".", "\n", "…", "M.", ". . .", "a. b. c.", "«»",
            "\n\n\n", "Fin.\n", "-\n-\n-", "x".repeat(200_000), "Mot. ".repeat(40_000), "mot ".repeat(50_000),
            ("Zorbaxium " + "texte ".repeat(2_000) + ". ").repeat(10), "😀".repeat(1_000), "\uD83D".repeat(500));

    @TestFactory
    Stream<DynamicTest> boundariesAreOneIncreasingSequenceThatFollowingAndPrecedingAgreeWith() {
        return Fuzz.property("sentenceBreaks", EDGE_TEXTS, texts(300), Fuzz::show, text -> {
            SentenceBreaks breaks = new SentenceBreaks();
            breaks.setText(text);
            TreeSet<Integer> boundaries = new TreeSet<>();
            int previous = breaks.first();
            assertEquals(0, previous);
            boundaries.add(previous);
            for (int b = breaks.next(); b != BreakIterator.DONE; b = breaks.next()) {
                assertTrue(b > previous && b <= text.length(), "boundary " + b + " after " + previous);
                boundaries.add(previous = b);
            }
            assertEquals(text.length(), previous, "the last boundary is the end");
            // every offset of short texts, 50 of long ones (each call may scan a 200,000-character sentence)
            int step = text.length() <= 5_000 ? 1 : text.length() / 50;
            for (int i = 0; i <= text.length(); i += step) {
                Integer after = boundaries.higher(i);
                Integer before = boundaries.lower(i);
                assertEquals(after == null ? BreakIterator.DONE : after, breaks.following(i), "following(" + i + ")");
                assertEquals(before == null ? BreakIterator.DONE : before, breaks.preceding(i), "preceding(" + i + ")");
                assertEquals(boundaries.contains(i), breaks.isBoundary(i), "isBoundary(" + i + ")");
            }
            BreakIterator goal = LengthGoalBreakIterator.createClosestToLength(new SentenceBreaks(), Snippets.PASSAGE_LENGTH, 0.5f);
            goal.setText(text);
            for (int i = 0; i < text.length(); i += step) {
                int start = goal.preceding(i);
                int end = goal.following(i);
                assertTrue(start == BreakIterator.DONE || start >= 0 && start <= i, "passage start " + start + " for " + i);
                assertTrue(end == BreakIterator.DONE || end > i && end <= text.length(), "passage end " + end + " for " + i);
            }
        });
    }

    private static Path dir;
    private static LuceneArticleIndex index;
    private static LuceneSearch search;

    @BeforeAll
    static void open() throws IOException {
        dir = Files.createTempDirectory("verbatim-snippets-fuzz");
        index = LuceneArticleIndex.open(dir);
        search = new LuceneSearch(index);
    }

    @AfterAll
    static void close() throws IOException {
        if (index != null) index.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @TestFactory
    Stream<DynamicTest> passagesOfAnyTextAreFewShortAndEscaped() {
        List<String> edges = new ArrayList<>(EDGE_TEXTS);
        edges.replaceAll(t -> "zorbaxium " + t + " zorbaxium");
        return Fuzz.property("passages", edges, texts(2_000), Fuzz::show, text -> {
            index.upsert(new AnalysedArticle(new Article("fz", "fuzz/fz", null, "Titre", null, null, null, List.of(), "fr",
                    text), Mentions.EMPTY));
            index.refresh();
            for (String q : List.of("zorbaxium", "marché", "\"le marché\"", "")) {
                for (Hit hit : search.articles(SearchRequest.of(q)).hits()) {
                    assertTrue(hit.snippets().size() <= 3, hit.snippets().toString());
                    for (String passage : hit.snippets()) {
                        assertFalse(passage.replace("<mark>", "").replace("</mark>", "").contains("<"), passage);
                        String plain = Parser.unescapeEntities(passage.replace("<mark>", "").replace("</mark>", ""), false);
                        assertTrue(plain.length() <= Snippets.LONGEST + 100, plain.length() + " chars: " + Fuzz.show(plain));
                        assertTrue(plain.codePoints().anyMatch(Character::isLetterOrDigit), "a passage with words: " + Fuzz.show(plain));
                    }
                }
            }
        });
    }
}
