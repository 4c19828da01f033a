package verbatim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code verbatim serve} as a user runs it, in a child JVM: an empty index is filled from the corpus first. */
class ServeCommandTest {

    @TempDir
    Path work;

    @Test
    void serveIndexesTheCorpusWhenTheIndexIsEmptyThenAnswersHealth() throws Exception {
        Path corpus = Files.createDirectories(work.resolve("corpus"));
        Files.writeString(corpus.resolve("a.txt"), "Premier\n\nUn texte.");
        Files.writeString(corpus.resolve("b.txt"), "Second\n\nUn autre texte.");
        try (ServeProcess serve = ServeProcess.start(work.resolve("serve.log"),
                "--corpus", corpus.toString(), "--index", work.resolve("index").toString())) {
            assertTrue(serve.output().contains("is empty: indexing"), serve.output());

            HttpResponse<String> health = serve.get("api/health");
            JsonNode body = new ObjectMapper().readTree(health.body());
            assertEquals(200, health.statusCode());
            assertEquals(2, body.get("articles").asInt());

            serve.process.destroy();
            assertTrue(serve.waitFor(30), "SIGTERM stops the server");
        }
    }
}
