import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import verbatim.analysis.AnalysedArticle;
import verbatim.analysis.Company;
import verbatim.analysis.Quote;
import verbatim.analysis.Speaker;
import verbatim.index.LuceneArticleIndex;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.GZIPInputStream;

/**
 * Writes the benchmark's query mix, derived from the corpus and the index with a fixed seed, so the
 * HTTP load test and the in-process floor replay exactly the same requests.
 *
 * <pre>
 * java -cp target/verbatim.jar bench/MakeQueries.java --corpus ../shared/corpus-fr/articles.jsonl.gz \
 *      --index /tmp/idx --out /tmp/queries.tsv [--count 4000] [--seed 42]
 * </pre>
 *
 * One line per request: {@code category TAB path?query} (URL-encoded, as a browser would send it).
 * The index must not be open in another process (speakers and companies are read from it).
 *
 * <p>The mix, by share of requests: 24% words (1-3 title words), 10% phrases ("2-3 consecutive title
 * words"), 14% words + site/year/tag filter, 4% browse (filter only, newest first), 10% speaker/company
 * filter (with or without a word), 14% quotes (a word from a quote, sometimes with speaker=), 24% suggest
 * (a 2-8 character prefix of a title word, sometimes after a complete first word).
 */
public class MakeQueries {

    record Rec(String id, String title, String site, String year, List<String> tags) {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = null, indexDir = null, out = null;
        int count = 4000;
        long seed = 42;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--corpus" -> corpus = Path.of(args[++i]);
                case "--index" -> indexDir = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--count" -> count = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (corpus == null || indexDir == null || out == null) {
            System.err.println("usage: MakeQueries --corpus articles.jsonl.gz --index DIR --out FILE [--count N] [--seed S]");
            System.exit(2);
        }
        ObjectMapper json = new ObjectMapper();
        List<Rec> recs = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(corpus)), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank()) continue;
                JsonNode n = json.readTree(line);
                List<String> tags = new ArrayList<>();
                n.path("tags").forEach(t -> tags.add(t.asText()));
                String date = n.path("date").asText("");
                recs.add(new Rec(n.path("id").asText(), n.path("title").asText(""), n.path("site").asText(""),
                        date.length() >= 4 ? date.substring(0, 4) : "", tags));
            }
        }
        Random rnd = new Random(seed);
        CharArraySet stop = FrenchAnalyzer.getDefaultStopSet();
        List<String[]> lines = new ArrayList<>();
        try (LuceneArticleIndex index = LuceneArticleIndex.open(indexDir)) {
            while (lines.size() < count) {
                int dice = rnd.nextInt(100); // the category first, then records until one yields such a request
                for (int attempt = 0; attempt < 1000; attempt++) {
                    String[] line = request(dice, recs.get(rnd.nextInt(recs.size())), index, stop, rnd);
                    if (line != null) {
                        lines.add(line);
                        break;
                    }
                }
            }
        }
        Collections.shuffle(lines, rnd);
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            for (String[] l : lines) w.println(l[0] + "\t" + l[1]);
        }
        System.err.printf("wrote %d requests to %s (seed %d, from %d corpus records)%n", lines.size(), out, seed, recs.size());
    }

    private static String[] request(int dice, Rec rec, LuceneArticleIndex index, CharArraySet stop, Random rnd) throws Exception {
        List<String> words = words(rec.title, stop);
        if (words.size() < 2) return null;
        if (dice < 24) {
            return search("words", join(pick(words, 1 + rnd.nextInt(3), rnd)), null, null);
        } else if (dice < 34) {
            List<String> all = List.of(rec.title.split("[\\s\\p{Punct}’«»]+"));
            List<String> plain = all.stream().filter(w -> !w.isBlank()).toList();
            if (plain.size() < 3) return null;
            int len = 2 + rnd.nextInt(2);
            int from = rnd.nextInt(plain.size() - len + 1);
            return search("phrase", "\"" + String.join(" ", plain.subList(from, from + len)) + "\"", null, null);
        } else if (dice < 48) {
            String[] f = facet(rec, rnd);
            if (f == null) return null;
            return search("filter", words.get(rnd.nextInt(words.size())), f[0], f[1]);
        } else if (dice < 52) {
            String[] f = facet(rec, rnd);
            if (f == null) return null;
            return search("browse", "", f[0], f[1]);
        } else if (dice < 62) {
            AnalysedArticle a = index.get(rec.id);
            if (a == null) return null;
            List<String[]> entities = new ArrayList<>();
            for (Speaker s : a.mentions().speakers()) entities.add(new String[]{"speaker", s.name()});
            for (Company c : a.mentions().companies()) entities.add(new String[]{"company", c.name()});
            if (entities.isEmpty()) return null;
            String[] e = entities.get(rnd.nextInt(entities.size()));
            return search("entity", rnd.nextBoolean() ? words.get(rnd.nextInt(words.size())) : "", e[0], e[1]);
        } else if (dice < 76) {
            AnalysedArticle a = index.get(rec.id);
            if (a == null || a.mentions().quotes().isEmpty()) return null;
            Quote q = a.mentions().quotes().get(rnd.nextInt(a.mentions().quotes().size()));
            List<String> qw = words(q.text(), stop);
            if (qw.isEmpty()) return null;
            String word = qw.get(rnd.nextInt(qw.size()));
            String speaker = q.speaker();
            String params = "q=" + enc(word) + (speaker != null && rnd.nextInt(3) == 0 ? "&speaker=" + enc(speaker) : "");
            return new String[]{"quotes", "/api/quotes?" + params};
        } else {
            String w = words.get(rnd.nextInt(words.size()));
            String prefix = w.substring(0, Math.min(w.length(), 2 + rnd.nextInt(7)));
            if (rnd.nextInt(4) == 0 && words.size() > 1) prefix = words.get(0) + " " + prefix;
            return new String[]{"suggest", "/api/suggest?q=" + enc(prefix)};
        }
    }

    private static String[] facet(Rec rec, Random rnd) {
        List<String[]> options = new ArrayList<>();
        if (!rec.site.isBlank()) options.add(new String[]{"site", rec.site});
        if (!rec.year.isBlank()) options.add(new String[]{"year", rec.year});
        for (String t : rec.tags) options.add(new String[]{"tag", t});
        return options.isEmpty() ? null : options.get(rnd.nextInt(options.size()));
    }

    private static String[] search(String category, String q, String facet, String value) {
        StringBuilder sb = new StringBuilder("/api/search?q=").append(enc(q));
        if (facet != null) sb.append('&').append(facet).append('=').append(enc(value));
        if (category.equals("browse")) sb.append("&sort=date");
        return new String[]{category, sb.toString()};
    }

    /** Content words of a text: letters only, at least 4 characters, not a French stop word. */
    private static List<String> words(String text, CharArraySet stop) {
        List<String> out = new ArrayList<>();
        for (String w : text.split("[^\\p{L}\\p{N}-]+")) {
            String lw = w.toLowerCase(Locale.ROOT);
            if (lw.length() >= 4 && !stop.contains(lw) && lw.chars().allMatch(Character::isLetter)) out.add(lw);
        }
        return out;
    }

    private static List<String> pick(List<String> words, int n, Random rnd) {
        List<String> copy = new ArrayList<>(words);
        Collections.shuffle(copy, rnd);
        return copy.subList(0, Math.min(n, copy.size()));
    }

    private static String join(List<String> words) {
        return String.join(" ", words);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
