package verbatim.search;

import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.Lookup;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.jsoup.nodes.Entities;
import verbatim.analysis.FrenchAnalysis;
import verbatim.index.Schema;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Search-as-you-type over titles, speakers and companies, on Lucene's AnalyzingInfixSuggester:
 * any word of an entry may be the one being typed, and accents do not matter ({@code gene} finds
 * {@code Générale}). Built in memory from one index reader; the caller rebuilds it as the index changes.
 */
public final class Completions implements AutoCloseable {

    private final AnalyzingInfixSuggester suggester;

    private Completions(AnalyzingInfixSuggester suggester) {
        this.suggester = suggester;
    }

    private static final Set<String> FIELDS = Stream.concat(Stream.of(Schema.TITLE), Schema.NAME_FIELDS.stream()).collect(Collectors.toSet());

    /** Completions for everything {@code searcher}'s reader holds. */
    static Completions of(IndexSearcher searcher) throws IOException {
        Builder builder = new Builder();
        Schema.forEachArticle(searcher, FIELDS, document -> {
            if (document.get(Schema.TITLE) != null) builder.add(document.get(Schema.TITLE), "title", 1);
            for (String speaker : Schema.speakers(document)) builder.add(speaker, "speaker", 1);
            for (String company : Schema.companies(document)) builder.add(company, "company", 1);
        });
        return builder.build();
    }

    /** Gathers the entries of the completions, from any engine. */
    public static final class Builder {
        private final Map<String, Entry> entries = new LinkedHashMap<>();

        /** People and organisations named in many articles come first: {@code articles} adds up per folded text and type. */
        public void add(String text, String type, long articles) {
            String key = type + "\u0000" + Schema.key(text);
            Entry e = entries.get(key);
            if (e == null) entries.put(key, new Entry(text.strip(), type, articles));
            else entries.put(key, new Entry(e.text, type, e.weight + articles));
        }

        public Completions build() throws IOException {
            AnalyzingInfixSuggester suggester = new EscapingSuggester();
            suggester.build(new Entries(new ArrayList<>(entries.values())));
            return new Completions(suggester);
        }
    }

    public List<Suggestion> lookup(String prefix, int count) throws IOException {
        if (prefix.isBlank()) return List.of();
        List<Suggestion> out = new ArrayList<>();
        for (Lookup.LookupResult r : suggester.lookup(prefix, count, true, true)) {
            out.add(new Suggestion(r.key.toString(), r.payload.utf8ToString(), String.valueOf(r.highlightKey)));
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        suggester.close();
    }

    private record Entry(String text, String type, long weight) {
    }

    private static final class Entries implements InputIterator {
        private final Iterator<Entry> it;
        private Entry current;

        Entries(List<Entry> entries) {
            this.it = entries.iterator();
        }

        @Override
        public BytesRef next() {
            if (!it.hasNext()) return null;
            current = it.next();
            return new BytesRef(current.text);
        }

        @Override
        public long weight() {
            return current.weight;
        }

        @Override
        public BytesRef payload() {
            return new BytesRef(current.type.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public boolean hasPayloads() {
            return true;
        }

        @Override
        public Set<BytesRef> contexts() {
            return null;
        }

        @Override
        public boolean hasContexts() {
            return false;
        }
    }

    /**
     * The suggester's own highlighting concatenates raw text with {@code <b>} tags: a title
     * containing markup would reach the page as markup. Every piece is escaped here, matches in {@code <mark>}.
     */
    private static final class EscapingSuggester extends AnalyzingInfixSuggester {
        EscapingSuggester() throws IOException {
            super(new ByteBuffersDirectory(), FrenchAnalysis.exact(), FrenchAnalysis.exact(), 1, false, true, true, true);
        }

        @Override
        protected void addNonMatch(StringBuilder sb, String text) {
            sb.append(escape(text));
        }

        @Override
        protected void addWholeMatch(StringBuilder sb, String surface, String analyzed) {
            sb.append("<mark>").append(escape(surface)).append("</mark>");
        }

        @Override
        protected void addPrefixMatch(StringBuilder sb, String surface, String analyzed, String prefixToken) {
            int split = Math.min(prefixToken.length(), surface.length());
            sb.append("<mark>").append(escape(surface.substring(0, split))).append("</mark>").append(escape(surface.substring(split)));
        }
    }

    private static String escape(String s) {
        return Entities.escape(s);
    }
}
