package verbatim.search;

import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import verbatim.index.Schema;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The passages of a text that match a query: about {@value #PASSAGE_LENGTH} characters each, cut at
 * sentence boundaries, matches in {@code <mark>}, a phrase marked as one span, and everything else
 * HTML-escaped, so article text can never inject markup into a page that shows it.
 */
final class Snippets {

    static final int PASSAGE_LENGTH = 160;
    private static final int MAX_LENGTH = 200_000;
    /** The sentence breaker sometimes leaves the previous sentence's full stop at the start of a passage. */
    private static final java.util.regex.Pattern LEADING_PUNCTUATION = java.util.regex.Pattern.compile("^[.,;:!?…]+\\s*");

    /** Lucene's formatter does the escaping; this one keeps the passages apart instead of joining them. */
    private static final PassageFormatter ONE_STRING_PER_PASSAGE = new PassageFormatter() {
        private final DefaultPassageFormatter escaping = new DefaultPassageFormatter("<mark>", "</mark>", "", true);

        @Override
        public Object format(Passage[] passages, String content) {
            List<String> out = new ArrayList<>(passages.length);
            for (Passage p : passages) out.add(LEADING_PUNCTUATION.matcher(escaping.format(new Passage[] {p}, content).strip()).replaceFirst(""));
            return out.toArray(String[]::new);
        }
    };

    private final Highlighter highlighter;

    /** A hit whose body does not match (a filter-only search) shows its first passage. */
    Snippets(IndexSearcher searcher) {
        this.highlighter = new Highlighter(UnifiedHighlighter.builder(searcher, Schema.analyzer())
                .withFormatter(ONE_STRING_PER_PASSAGE)
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.FRENCH), PASSAGE_LENGTH, 0.5f))
                .withMaxLength(MAX_LENGTH)
                .withHighlightPhrasesStrictly(true)
                .withMaxNoHighlightPassages(1));
    }

    /** For each doc id, up to {@code max} passages of {@code field} (as stored) matching {@code query}. */
    List<List<String>> passages(String field, Query query, int[] docIds, int max) throws IOException {
        return passages(field, query, docIds, max, null);
    }

    /**
     * The same, for documents whose text is indexed (with offsets) but not stored: {@code texts} gives it by doc
     * id, exactly as it was indexed.
     */
    List<List<String>> passages(String field, Query query, int[] docIds, int max, Map<Integer, String> texts) throws IOException {
        List<List<String>> result = new ArrayList<>(docIds.length);
        if (docIds.length == 0) return result;
        int[] maxPassages = {max};
        Object[] perDoc = highlighter.highlight(new String[] {field}, query, docIds, maxPassages, texts).get(field);
        for (Object passages : perDoc) result.add(passages == null ? List.of() : List.of((String[]) passages));
        return result;
    }

    /** Exposes the per-passage form of the results, which the public API only offers joined. */
    private static final class Highlighter extends UnifiedHighlighter {
        private Map<Integer, String> texts;

        Highlighter(Builder builder) {
            super(builder);
        }

        Map<String, Object[]> highlight(String[] fields, Query query, int[] docIds, int[] maxPassages,
                                        Map<Integer, String> texts) throws IOException {
            this.texts = texts;
            return highlightFieldsAsObjects(fields, query, docIds, maxPassages);
        }

        @Override
        protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold)
                throws IOException {
            if (texts == null) return super.loadFieldValues(fields, docIter, cacheCharsThreshold);
            List<CharSequence[]> values = new ArrayList<>();
            for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
                values.add(new CharSequence[] {texts.get(doc)});
            }
            return values;
        }
    }
}
