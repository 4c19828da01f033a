package verbatim.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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

/** Test-only access to ../shared: seed texts with a crude cleanup (the real one is TextCleaner's job) and corpus-fr. */
final class TestTexts {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] CUT_MARKERS = {"thoughts on", "Laisser un commentaire", "Vous aimerez aussi",
            "Vous likez ? Commentez", "Entrez vos coordonnées", "Répondre\n", "Votre adresse de messagerie"};

    private TestTexts() {
    }

    static Path shared() {
        return Path.of(System.getProperty("verbatim.shared", "../shared"));
    }

    /** title and text of a seed file: short first line as title, boilerplate lines dropped, comment section cut. */
    static String[] seed(String file) throws IOException {
        String raw = Files.readString(shared().resolve("seeds").resolve(file)).replace("\r", "");
        int cut = raw.length();
        for (String m : CUT_MARKERS) {
            int at = raw.indexOf(m, raw.length() / 2);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        raw = raw.substring(0, cut);
        String[] lines = raw.split("\n");
        String title = null;
        StringBuilder body = new StringBuilder();
        boolean skipNext = false;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (i == 0 && l.length() < 120 && !l.contains(". ")) {
                title = l;
                continue;
            }
            if (skipNext) {
                skipNext = false;
                continue;
            }
            if (l.startsWith("Share on ")) {
                skipNext = true;
                continue;
            }
            if (l.isEmpty() || l.matches("[\\w.\\-]+\\.(jpg|png|gif)") || l.matches("\\w+_\\w+_\\d+x\\d+")
                    || l.startsWith("Cette entrée a été publiée") || (title != null && l.equals(title))) {
                continue;
            }
            if (!body.isEmpty()) {
                body.append("\n\n");
            }
            body.append(l);
        }
        return new String[]{title, body.toString()};
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
