package verbatim.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hand-made expectations of ../shared/gold/seeds.json for people, organisations and quotes. */
class SeedMentionsTest {

    @Test
    void seedsMatchGold() throws Exception {
        Path gold = TestTexts.shared().resolve("gold/seeds.json");
        Assumptions.assumeTrue(Files.exists(gold), "../shared/gold/seeds.json not found: skipping");
        MentionExtractor extractor = new MentionExtractor();
        List<String> problems = new ArrayList<>();
        for (JsonNode a : TestTexts.JSON.readTree(gold.toFile()).get("articles")) {
            String file = a.get("file").asText();
            String[] tt = TestTexts.seed(file);
            Mentions m = extractor.extract(tt[0], tt[1]);
            for (JsonNode p : a.get("people")) {
                String name = p.get("name").asText();
                Speaker s = m.speakers().stream().filter(x -> TestTexts.loose(x.name()).equals(TestTexts.loose(name))).findFirst().orElse(null);
                if (s == null) {
                    problems.add(file + ": person " + name + " missing");
                    continue;
                }
                if (p.has("org") && !TestTexts.same(p.get("org").asText(), s.org())) {
                    problems.add(file + ": " + name + " org " + s.org() + " ≠ " + p.get("org").asText());
                }
                if (p.has("role") && !TestTexts.same(p.get("role").asText(), s.role())) {
                    problems.add(file + ": " + name + " role " + s.role() + " ≠ " + p.get("role").asText());
                }
                if (p.has("quoted") && p.get("quoted").asBoolean() && !s.quoted()) {
                    problems.add(file + ": " + name + " should be quoted");
                }
            }
            for (JsonNode c : a.get("companies")) {
                boolean ok = m.companies().stream().anyMatch(x -> TestTexts.loose(x.name()).equals(TestTexts.loose(c.asText())));
                if (!ok) {
                    problems.add(file + ": company " + c.asText() + " missing");
                }
            }
            for (JsonNode n : a.get("not_entities")) {
                String bad = TestTexts.loose(n.asText());
                if (m.speakers().stream().anyMatch(x -> TestTexts.loose(x.name()).equals(bad))
                        || m.companies().stream().anyMatch(x -> TestTexts.loose(x.name()).equals(bad))) {
                    problems.add(file + ": not an entity: " + n.asText());
                }
            }
            for (JsonNode q : a.get("quotes")) {
                String snippet = TestTexts.loose(q.get("snippet").asText());
                Quote found = m.quotes().stream().filter(x -> TestTexts.loose(x.text()).contains(snippet)
                        && TestTexts.loose(x.speaker()).equals(TestTexts.loose(q.get("speaker").asText()))).findFirst().orElse(null);
                if (found == null) {
                    problems.add(file + ": quote of " + q.get("speaker").asText() + " missing: " + q.get("snippet").asText());
                } else if (q.has("indirect") && q.get("indirect").asBoolean() != found.indirect()) {
                    problems.add(file + ": quote indirect should be " + q.get("indirect").asBoolean() + ": " + q.get("snippet").asText());
                } else if (!tt[1].substring(found.start(), found.end()).equals(found.text())) {
                    problems.add(file + ": offsets do not point at the quote text");
                }
            }
            for (JsonNode q : a.get("not_quotes_of")) {
                String snippet = TestTexts.loose(q.get("snippet").asText());
                if (m.quotes().stream().anyMatch(x -> TestTexts.loose(x.text()).contains(snippet)
                        && TestTexts.loose(x.speaker()).equals(TestTexts.loose(q.get("speaker").asText())))) {
                    problems.add(file + ": not a quote of " + q.get("speaker").asText() + ": " + q.get("snippet").asText());
                }
            }
        }
        problems.forEach(System.out::println);
        assertTrue(problems.isEmpty(), problems.size() + " problems, first: " + (problems.isEmpty() ? "" : problems.get(0)));
    }
}
