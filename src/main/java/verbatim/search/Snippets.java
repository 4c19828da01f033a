package verbatim.search;

import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;
import verbatim.index.Schema;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The passages of a text that match a query: about {@value #PASSAGE_LENGTH} characters each, cut at
 * sentence boundaries, matches in {@code <mark>}, a phrase marked as one span, and everything else
 * HTML-escaped, so article text can never inject markup into a page that shows it.
 */
final class Snippets {

    static final int PASSAGE_LENGTH = 160;
    static final int MAX_LENGTH = 200_000;
    /** Longer than this, a one-sentence passage is cut around its first match. */
    static final int LONGEST = 3 * PASSAGE_LENGTH;
    private static final int LONGEST_WORD = 40;
    /** The sentence breaker sometimes leaves the previous sentence's full stop at the start of a passage. */
    private static final java.util.regex.Pattern LEADING_PUNCTUATION = java.util.regex.Pattern.compile("^[.,;:!?…]+\\s*");

    /**
     * Lucene's formatter does the escaping; this one keeps the passages apart instead of joining them, cuts
     * sentences too long to show, and drops passages with nothing to read (a lone dash between two line breaks) or
     * shown already.
     */
    private static final PassageFormatter ONE_STRING_PER_PASSAGE = new PassageFormatter() {
        private final DefaultPassageFormatter escaping = new DefaultPassageFormatter("<mark>", "</mark>", "", true);

        @Override
        public Object format(Passage[] passages, String content) {
            List<String> out = new ArrayList<>(passages.length);
            for (Passage p : passages) {
                if (!hasWords(content, p.getStartOffset(), p.getEndOffset())) continue;
                Passage shown = cut(p, content);
                String text = LEADING_PUNCTUATION.matcher(escaping.format(new Passage[] {shown}, content).strip()).replaceFirst("");
                if (shown.getStartOffset() > p.getStartOffset()) text = "… " + text;
                if (shown.getEndOffset() < p.getEndOffset()) text = text + " …";
                if (!out.contains(text)) out.add(text); // overlapping phrase matches can make the same passage twice
            }
            return out.toArray(String[]::new);
        }
    };

    /**
     * A passage of one sentence longer than {@value #LONGEST} characters (a list or a page without full stops) is
     * cut to about twice the passage length around its first match, at spaces where there are some.
     */
    static Passage cut(Passage p, String content) {
        int start = p.getStartOffset();
        int end = p.getEndOffset();
        if (end - start <= LONGEST) return p;
        int firstMatch = p.getNumMatches() > 0 ? p.getMatchStarts()[0] : start;
        int from = wordStart(content, Math.max(start, firstMatch - PASSAGE_LENGTH / 2), start);
        int to = wordEnd(content, Math.min(end, from + 2 * PASSAGE_LENGTH), end);
        if (p.getNumMatches() > 0) to = Math.max(to, Math.min(end, p.getMatchEnds()[0]));
        Passage shown = new Passage();
        shown.setStartOffset(from);
        shown.setEndOffset(to);
        shown.setScore(p.getScore());
        for (int i = 0; i < p.getNumMatches(); i++) {
            int matchStart = p.getMatchStarts()[i];
            int matchEnd = p.getMatchEnds()[i];
            if (matchStart >= from && matchEnd <= to) {
                shown.addMatch(matchStart, matchEnd, p.getMatchTerms()[i], p.getMatchTermFreqsInDoc()[i]);
            }
        }
        return shown;
    }

    /** Back to the start of the word at {@code i}, not before {@code floor}, nor further than a long word. */
    private static int wordStart(String content, int i, int floor) {
        int j = i;
        while (j > floor && i - j < LONGEST_WORD && !Character.isWhitespace(content.charAt(j - 1))) j--;
        if (j > floor && !Character.isWhitespace(content.charAt(j - 1))) j = i; // no space near: cut in the word
        if (j > floor && Character.isLowSurrogate(content.charAt(j))) j--;
        return j;
    }

    /** On to the end of the word at {@code i}, not after {@code ceiling}, nor further than a long word. */
    private static int wordEnd(String content, int i, int ceiling) {
        int j = i;
        while (j < ceiling && j - i < LONGEST_WORD && !Character.isWhitespace(content.charAt(j))) j++;
        if (j < ceiling && !Character.isWhitespace(content.charAt(j))) j = i;
        if (j < ceiling && j > 0 && Character.isLowSurrogate(content.charAt(j))) j++;
        return j;
    }

    private static boolean hasWords(String content, int start, int end) {
        for (int i = start; i < end; i += Character.charCount(content.codePointAt(i))) {
            if (Character.isLetterOrDigit(content.codePointAt(i))) return true;
        }
        return false;
    }

    /**
     * Lucene's passage score (BM25 over the passage, times a bonus for coming early), the same sums in the same
     * order, without the {@code BytesRefHash} Lucene's scorer builds for every passage it scores to count each
     * term's matches: a 32 KB block allocated per passage, 3 % of a search's CPU. A passage holds a few matches, so
     * its distinct terms are found by comparing with those seen before.
     */
    static final class Scorer extends PassageScorer {
        @Override
        public float score(Passage passage, int contentLength) {
            int matches = passage.getNumMatches();
            BytesRef[] terms = new BytesRef[matches];
            int[] freqsInPassage = new int[matches];
            int[] freqsInDoc = new int[matches];
            int distinct = 0;
            for (int i = 0; i < matches; i++) {
                BytesRef term = passage.getMatchTerms()[i];
                int t = 0;
                while (t < distinct && !terms[t].bytesEquals(term)) t++;
                if (t == distinct) {
                    terms[distinct++] = term;
                    freqsInDoc[t] = passage.getMatchTermFreqsInDoc()[i];
                }
                freqsInPassage[t]++;
            }
            double score = 0d;
            for (int t = 0; t < distinct; t++) {
                score += tf(freqsInPassage[t], passage.getLength()) * weight(contentLength, freqsInDoc[t]);
            }
            score *= norm(passage.getStartOffset());
            return (float) score;
        }
    }

    private final Highlighter highlighter;

    /** A hit whose body does not match (a filter-only search) shows its first passage. */
    Snippets(IndexSearcher searcher) {
        this.highlighter = new Highlighter(UnifiedHighlighter.builder(searcher, Schema.analyzer())
                .withFormatter(ONE_STRING_PER_PASSAGE)
                .withScorer(new Scorer())
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        new SentenceBreaks(), PASSAGE_LENGTH, 0.5f))
                .withMaxLength(MAX_LENGTH)
                .withHighlightPhrasesStrictly(true)
                .withMaxNoHighlightPassages(1));
    }

    /** For each doc id, up to {@code max} passages of {@code field} (as stored) matching {@code query}. */
    List<List<String>> passages(String field, Query query, int[] docIds, int max) throws IOException {
        return passages(field, query, docIds, max, null);
    }

    /**
     * The same, with the text given by doc id, exactly as it was indexed: for documents whose text is indexed (with
     * offsets) but not stored, or whose stored text the caller has read already (decompressing it twice costs).
     */
    List<List<String>> passages(String field, Query query, int[] docIds, int max, Map<Integer, String> texts) throws IOException {
        List<List<String>> result = new ArrayList<>(docIds.length);
        if (docIds.length == 0) return result;
        int[] maxPassages = {max};
        Object[] perDoc = highlighter.highlight(new String[] {field}, query, docIds, maxPassages, texts).get(field);
        for (Object passages : perDoc) result.add(passages == null ? List.of() : List.of((String[]) passages));
        return result;
    }

    /**
     * Exposes the per-passage form of the results, which the public API only offers joined. One instance serves
     * every request on its reader at once, so the texts of a call live in a thread local, not in a field.
     */
    private static final class Highlighter extends UnifiedHighlighter {
        private final ThreadLocal<Map<Integer, String>> texts = new ThreadLocal<>();

        Highlighter(Builder builder) {
            super(builder);
        }

        Map<String, Object[]> highlight(String[] fields, Query query, int[] docIds, int[] maxPassages,
                                        Map<Integer, String> texts) throws IOException {
            this.texts.set(texts);
            try {
                return highlightFieldsAsObjects(fields, query, docIds, maxPassages);
            } finally {
                this.texts.remove();
            }
        }

        @Override
        protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold)
                throws IOException {
            Map<Integer, String> given = texts.get();
            if (given == null) return super.loadFieldValues(fields, docIter, cacheCharsThreshold);
            List<CharSequence[]> values = new ArrayList<>();
            for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
                String text = given.get(doc);
                // As the highlighter cuts what it reads from stored fields itself.
                values.add(new CharSequence[] {text == null || text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH)});
            }
            return values;
        }
    }
}
