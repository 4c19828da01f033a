import com.fasterxml.jackson.databind.ObjectMapper;
import verbatim.index.LuceneArticleIndex;
import verbatim.http.ArticleJson;
import verbatim.index.Schema;
import verbatim.search.LuceneSearch;
import verbatim.search.SearchRequest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The floor under the HTTP numbers: the same query file replayed in-process on
 * {@code verbatim.search.LuceneSearch} over the same index, no HTTP, same closed-loop concurrency and
 * the same report as LoadTest (both use Recorder).
 *
 * <pre>
 * java -cp target/verbatim.jar bench/LuceneFloor.java --index /tmp/idx --queries /tmp/queries.tsv \
 *      --threads 16 --seconds 20 [--warmup 5] [--prime 100] [--rate R] [--json] [--label floor-16] [--tsv results.tsv]
 * </pre>
 *
 * --json also serialises each response with a mapper configured like the server's, so
 * "floor+json" minus "floor" is the JSON share and "http" minus "floor+json" the HTTP share.
 * The index must not be open in another process (Lucene's write lock).
 */
public class LuceneFloor {

    static final List<String> QUOTE_FACETS = List.of(Schema.SPEAKER, Schema.COMPANY, Schema.TAG, Schema.SITE, Schema.YEAR);
    static final ObjectMapper JSON = ArticleJson.MAPPER; // serialised as the server does

    interface Call {
        Object run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Path indexDir = null, queries = null, tsv = null;
        String label = null;
        int threads = 16, prime = 100;
        double rate = 0;
        double seconds = 20, warmup = 5;
        boolean json = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--index" -> indexDir = Path.of(args[++i]);
                case "--queries" -> queries = Path.of(args[++i]);
                case "--threads", "--connections" -> threads = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--warmup" -> warmup = Double.parseDouble(args[++i]);
                case "--json" -> json = true;
                case "--label" -> label = args[++i];
                case "--prime" -> prime = Integer.parseInt(args[++i]);
                case "--rate" -> rate = Double.parseDouble(args[++i]);
                case "--tsv" -> tsv = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (indexDir == null || queries == null) {
            System.err.println("usage: LuceneFloor --index DIR --queries FILE [--threads N] [--seconds S] [--warmup S] [--json] [--label L] [--tsv FILE]");
            System.exit(2);
        }
        if (label == null) label = (json ? "floor+json" : "floor") + (rate > 0 ? "@" + (int) rate : "-" + threads);
        List<String[]> requests = Files.readAllLines(queries, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).map(l -> l.split("\t", 2)).toList();
        try (LuceneArticleIndex index = LuceneArticleIndex.open(indexDir)) {
            LuceneSearch search = new LuceneSearch(index);
            List<Call> calls = new ArrayList<>();
            for (String[] r : requests) calls.add(call(search, r[1]));
            Recorder rec = new Recorder();
                // Priming: the first requests, one at a time, so one-off work (caches, lazy builds) is not timed.
            for (int i = 0; i < Math.min(prime, calls.size()); i++) {
                try {
                    calls.get(i).run();
                } catch (Exception ignored) {
                    // counted when it happens again under load
                }
            }
            boolean serialise = json;
            rec.drive("floor", threads, rate, warmup, seconds, requests, i -> {
                try {
                    Object result = calls.get(i).run();
                    if (serialise) JSON.writeValueAsBytes(result);
                    return null;
                } catch (Exception e) {
                    return e.toString();
                }
            });
            rec.print(label, seconds, tsv);
        }
    }

    /** A URL's path, without its query string. */
    static String path(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    }

    /** A URL's query parameters, decoded, each with all its values in order. */
    static Map<String, List<String>> params(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (q < 0) return params;
        for (String pair : pathAndQuery.substring(q + 1).split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return params;
    }

    /** The request a URL stands for, read like the server's SearchParams (defaults: size 10, suggest size 8). */
    static Call call(LuceneSearch search, String pathAndQuery) {
        String path = path(pathAndQuery);
        Map<String, List<String>> params = params(pathAndQuery);
        String text = first(params, "q", "").strip();
        return switch (path) {
            case "/api/search" -> {
                SearchRequest r = request(params, text, Schema.FACETS);
                yield () -> search.articles(r);
            }
            case "/api/quotes" -> {
                SearchRequest r = request(params, text, QUOTE_FACETS);
                yield () -> search.quotes(r);
            }
            case "/api/suggest" -> {
                int size = Integer.parseInt(first(params, "size", "8"));
                yield () -> Map.of("suggestions", search.suggest(text, size));
            }
            default -> throw new IllegalArgumentException("the floor does not replay " + path);
        };
    }

    static SearchRequest request(Map<String, List<String>> params, String text, List<String> facets) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (String f : facets) {
            List<String> values = params.getOrDefault(f, List.of()).stream().map(String::strip).filter(v -> !v.isBlank()).toList();
            if (!values.isEmpty()) filters.put(f, values);
        }
        String sort = first(params, "sort", "");
        SearchRequest.Sort s = sort.equals("date") ? SearchRequest.Sort.DATE : sort.equals("relevance") ? SearchRequest.Sort.RELEVANCE : null;
        String from = first(params, "from", ""), to = first(params, "to", "");
        return new SearchRequest(text, filters, from.isBlank() ? null : LocalDate.parse(from), to.isBlank() ? null : LocalDate.parse(to), s,
                Integer.parseInt(first(params, "page", "1")), Integer.parseInt(first(params, "size", "10")), first(params, "cursor", null));
    }

    private static String first(Map<String, List<String>> params, String k, String fallback) {
        List<String> v = params.get(k);
        return v == null || v.isEmpty() ? fallback : v.get(0);
    }

    // ---- below: a copy of LoadTest's reporting (single-file programs cannot share code on Java 21); keep them identical ----
}
