package verbatim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import verbatim.Main;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExtractCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private List<JsonNode> lines() throws Exception {
        ObjectMapper json = new ObjectMapper();
        return out.toString(StandardCharsets.UTF_8).lines().map(l -> {
            try {
                return json.readTree(l);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + l, e);
            }
        }).toList();
    }

    @Test
    void printsOneJsonObjectPerArticleWithEveryField() throws Exception {
        Path text = dir.resolve("note.txt");
        Files.writeString(text, "Un titre court\n\nLe premier paragraphe de l’article.");
        Path records = dir.resolve("records.jsonl");
        Files.writeString(records, "{\"id\":\"r1\",\"text\":\"Un.\",\"date\":\"2019-05-07\"}\n{\"id\":\"r2\",\"text\":\"Deux.\"}\n");

        assertEquals(0, Main.run("extract", text.toString(), records.toString()));

        List<JsonNode> lines = lines();
        assertEquals(3, lines.size());
        for (JsonNode line : lines) {
            for (String field : List.of("source", "id", "title", "author", "date", "site", "url", "tags", "lang", "text",
                    "speakers", "companies", "quotes")) {
                assertTrue(line.has(field), field + " missing in " + line);
            }
        }
        assertEquals(text.toString(), lines.get(0).get("source").asText(), "the file, as given");
        assertTrue(lines.get(0).get("text").asText().contains("Le premier paragraphe"));
        assertEquals("2019-05-07", lines.get(1).get("date").asText());
        assertEquals("r2", lines.get(2).get("id").asText());
    }

    @Test
    void printsWhoIsQuotedAndWhatTheySaid() throws Exception {
        Path text = dir.resolve("interview.txt");
        Files.writeString(text, "Le digital a vécu\n\n« Le digital a vécu », affirme Eric Ochs, CEO de MMMedia.");

        assertEquals(0, Main.run("extract", text.toString()));

        JsonNode line = lines().get(0);
        assertEquals("Eric Ochs", line.get("speakers").get(0).get("name").asText());
        assertEquals("MMMedia", line.get("speakers").get(0).get("org").asText());
        JsonNode quote = line.get("quotes").get(0);
        assertEquals("Eric Ochs", quote.get("speaker").asText());
        assertEquals("Le digital a vécu", quote.get("text").asText());
        assertEquals(false, quote.get("indirect").asBoolean());
    }

    @Test
    void aQuoteOfTheTitleIsPrintedWithOffsetsBeforeTheText() throws Exception {
        Path text = dir.resolve("budget.txt");
        Files.writeString(text, "Budget : pour Hélène Garnier, « la rigueur est une obligation »\n\nLa maire présente son budget lundi.");

        assertEquals(0, Main.run("extract", text.toString()));

        JsonNode line = lines().get(0);
        String title = line.get("title").asText();
        JsonNode quote = line.get("quotes").get(0);
        assertEquals("Hélène Garnier", quote.get("speaker").asText());
        int start = quote.get("start").asInt();
        assertTrue(start < 0, "a title quote is not in the text: " + quote);
        assertEquals(quote.get("text").asText(), title.substring(start + title.length() + 2, quote.get("end").asInt() + title.length() + 2));
    }

    @Test
    void missingAndUnsupportedFilesAreReportedOnStderrWithExitCode1() throws Exception {
        Path pdf = dir.resolve("report.pdf");
        Files.writeString(pdf, "%PDF-1.4");
        Path good = dir.resolve("ok.txt");
        Files.writeString(good, "Titre\n\nTexte.");

        assertEquals(1, Main.run("extract", dir.resolve("absent.html").toString(), pdf.toString(), good.toString()));

        String errors = err.toString(StandardCharsets.UTF_8);
        assertTrue(errors.contains("absent.html: no such file"), errors);
        assertTrue(errors.contains("report.pdf: unsupported file type"), errors);
        assertEquals(1, lines().size(), "the good file still comes out");
    }
}
