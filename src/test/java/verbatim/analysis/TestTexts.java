package verbatim.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import verbatim.ingest.CleanedPage;
import verbatim.ingest.TextCleaner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/** Test-only access to ../shared: the seed texts as ingest cleans them, and corpus-fr records. */
final class TestTexts {
    static final ObjectMapper JSON = new ObjectMapper();

    private TestTexts() {
    }

    static Path shared() {
        return verbatim.Shared.path();
    }

    /** Title and text of a seed file, cleaned as ingest cleans it. */
    static String[] seed(String file) throws IOException {
        CleanedPage page = new TextCleaner().clean(Files.readString(shared().resolve("seeds").resolve(file)));
        return new String[]{page.title(), page.text()};
    }

    /** id → {title, text} for the given corpus-fr ids (or the first n records when ids is null). */
    static Map<String, String[]> corpus(Set<String> ids, int n) throws IOException {
        Map<String, String[]> out = new HashMap<>();
        Path p = shared().resolve("corpus-fr/articles.jsonl.gz");
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(p)),
                StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                JsonNode o = JSON.readTree(line);
                String id = o.get("id").asText();
                if (ids == null ? out.size() < n : ids.contains(id)) {
                    out.put(id, new String[]{o.path("title").asText(null), o.path("text").asText("")});
                }
                if (ids == null ? out.size() >= n : out.size() == ids.size()) {
                    break;
                }
            }
        }
        return out;
    }

    /** Case-, accent-, apostrophe- and space-insensitive form for loose comparisons. */
    static String loose(String s) {
        if (s == null) {
            return "";
        }
        String d = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase()
                .replace('’', '\'').replace('‘', '\'');
        return d.replaceAll("[\\s\\-]+", " ").strip();
    }

    /** Loose match: equal, or one contains the other. */
    static boolean same(String a, String b) {
        String x = loose(a);
        String y = loose(b);
        return !x.isEmpty() && !y.isEmpty() && (x.equals(y) || x.contains(y) || y.contains(x));
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.isTextual() ? n.asText() : n.path("name").asText()));
        return out;
    }
}
