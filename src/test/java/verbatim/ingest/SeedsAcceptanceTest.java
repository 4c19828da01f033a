package verbatim.ingest;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * The five sample articles against their hand-made expectations in {@code ../shared/gold/seeds.json}: for each
 * seed, the cleaned text keeps every {@code keep} string and none of the {@code drop} strings, and the title and
 * tags are the gold ones. Skipped when the shared folder is not there (a lone clone of the repository).
 */
class SeedsAcceptanceTest {

    private static final Path SHARED = verbatim.Shared.path();
    private static final Path GOLD = SHARED.resolve("gold/seeds.json");

    @TestFactory
    Stream<DynamicTest> seedsCleanAsTheGoldSays() throws IOException {
        if (!Files.isRegularFile(GOLD)) {
            // Aborted inside a test, not in the factory, so that the build counts it as skipped rather than
            // silently reporting no test at all.
            return Stream.of(DynamicTest.dynamicTest("seeds", () -> Assumptions.assumeTrue(false,
                    "../shared/gold/seeds.json not found: skipping seed acceptance tests")));
        }
        JsonNode articles = new ObjectMapper().readTree(GOLD.toFile()).path("articles");
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode seed : articles) {
            String file = seed.path("file").asText();
            Path text = SHARED.resolve("seeds").resolve(file);
            tests.add(DynamicTest.dynamicTest(file, () -> check(seed, Files.readString(text))));
        }
        return tests.stream();
    }

    private static void check(JsonNode seed, String raw) {
        CleanedPage page = new TextCleaner().clean(raw);
        List<Executable> checks = new ArrayList<>();
        for (JsonNode keep : seed.path("keep")) {
            checks.add(() -> assertTrue(page.text().contains(keep.asText()), "lost: " + keep.asText()));
        }
        for (JsonNode drop : seed.path("drop")) {
            checks.add(() -> assertFalse(page.text().contains(drop.asText()), "kept: " + drop.asText()));
        }
        String title = seed.path("title").isNull() ? null : seed.path("title").asText();
        checks.add(() -> assertEquals(title, page.title(), "title"));
        List<String> tags = new ArrayList<>();
        seed.path("tags").forEach(tag -> tags.add(tag.asText()));
        checks.add(() -> assertEquals(tags, page.tags(), "tags"));
        checks.add(() -> assertEquals("fr", page.lang(), "lang"));
        assertAll(seed.path("file").asText(), checks);
    }
}
