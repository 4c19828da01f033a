package verbatim.analysis;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * What the learners ({@link LearnPeople}, {@link CorpusFirstNames}, {@link LearnOrganisations}) read: corpus-fr's
 * articles, without any that a labels file names or that an id file given on the command line names (the blind
 * samples), so that a learned list never carries what a sample scores.
 *
 * <pre>java -cp … verbatim.analysis.LearnPeople ../shared/corpus-fr/articles.jsonl.gz fresh2-ids.txt fresh3-ids.txt</pre>
 */
final class LearningCorpus {

    interface Visitor {
        void article(String id, JsonNode record) throws Exception;
    }

    private LearningCorpus() {
    }

    /** The corpus file: the first argument, else where ../shared keeps it. */
    static Path path(String[] args) {
        return Path.of(args.length > 0 ? args[0] : "../shared/corpus-fr/articles.jsonl.gz");
    }

    /** The ids of every labelled article, and those of the id files named after the corpus (whitespace-separated). */
    static Set<String> leftOut(String[] args) throws IOException {
        Set<String> ids = new HashSet<>();
        try (var files = Files.newDirectoryStream(Path.of("src/test/resources/verbatim/analysis"), "labels*.json")) {
            for (Path f : files) {
                TestTexts.JSON.readTree(f.toFile()).get("articles").fieldNames().forEachRemaining(ids::add);
            }
        }
        for (int i = 1; i < args.length; i++) {
            for (String line : Files.readAllLines(Path.of(args[i]))) {
                for (String id : line.strip().split("\\s+")) {
                    if (!id.isEmpty()) ids.add(id);
                }
            }
        }
        return ids;
    }

    /** Hands each article not left out to {@code visitor}, in file order; returns how many it was given. */
    static int forEach(Path corpus, Set<String> leftOut, Visitor visitor) throws Exception {
        int n = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(corpus)),
                StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                JsonNode o = TestTexts.JSON.readTree(line);
                String id = o.path("id").asText();
                if (!leftOut.contains(id)) {
                    visitor.article(id, o);
                    n++;
                }
            }
        }
        return n;
    }

    /** The title, a line break, then the text: where the learners look for their cues. */
    static String titleAndText(JsonNode record) {
        return record.path("title").asText("") + "\n" + record.path("text").asText("");
    }
}
