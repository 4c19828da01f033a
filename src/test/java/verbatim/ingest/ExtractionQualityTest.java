package verbatim.ingest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Main-text extraction quality against the shared gold pages (never copied into the repository).
 *
 * <p>extract-dev: segment precision/recall/F1 and bag-of-words F1, for French pages and for all, scored as
 * its README says (see {@link ExtractionScore}). corpus-fr/html: bag-of-words F1 of 1,000 Orange Actu pages
 * against the {@code articleBody} text in {@code articles.jsonl.gz}, and throughput in pages per second.
 * Per-page misses go to {@code target/extraction/report.txt}, extracted texts to {@code target/extraction/out/}.
 * Floors sit just under what the extractor reaches, so a regression fails the build.
 */
class ExtractionQualityTest {

    // Reached (2 CPUs, JDK 25): segment F1 0.947 all / 0.951 fr, full-text F1 0.961 all / 0.909 fr (4 pages),
    // corpus-fr BoW F1 0.836 (recall 0.999). Floors sit just below. Speed is printed, not asserted:
    // timings on a shared machine are a benchmark's job (bench/ingest.sh), not a test's.
    private static final double FLOOR_SEGMENT_F1_ALL = 0.94;
    private static final double FLOOR_SEGMENT_F1_FR = 0.94;
    private static final double FLOOR_FULLTEXT_F1_ALL = 0.95;
    private static final double FLOOR_FULLTEXT_F1_FR = 0.90;
    // The corpus-fr gold keeps only the <p> children of articleBody, so it stops at the first embedded
    // player and loses the loose text after it; we keep that text (recall ~1, precision ~0.78 against
    // this gold). Recall is the figure that guards against losing article text.
    private static final double FLOOR_CORPUS_F1 = 0.82;
    private static final double FLOOR_CORPUS_RECALL = 0.99;

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HtmlCleaner cleaner = new HtmlCleaner();

    private static Path shared() {
        return verbatim.Shared.path();
    }

    @Test
    void extractDevPages() throws IOException {
        Path dev = shared().resolve("extract-dev");
        Assumptions.assumeTrue(Files.isDirectory(dev), "../shared/extract-dev not found: skipping extraction-quality test");
        Path outDir = Path.of("target", "extraction", "out");
        Files.createDirectories(outDir);

        ExtractionScore all = new ExtractionScore();
        ExtractionScore fr = new ExtractionScore();
        int prefixOk = 0;
        int prefixPages = 0;
        try (PrintWriter report = new PrintWriter(Files.newBufferedWriter(Path.of("target", "extraction", "report.txt")))) {
            for (JsonNode row : JSON.readTree(dev.resolve("index.json").toFile())) {
                String id = row.get("id").asText();
                Path page = dev.resolve("pages").resolve(id);
                JsonNode meta = JSON.readTree(page.resolve("meta.json").toFile());
                String html = decode(Files.readAllBytes(page.resolve("page.html")), meta.path("page_encoding").asText("utf-8"));
                String text = cleaner.clean(html, row.path("url").asText(null)).text();
                Files.writeString(outDir.resolve(id + ".txt"), text);
                boolean french = "fr".equals(row.path("lang").asText());

                List<String> lines = new ArrayList<>();
                Path goldJson = page.resolve("gold.json");
                if (Files.exists(goldJson)) {
                    JsonNode gold = JSON.readTree(goldJson.toFile());
                    List<String> with = strings(gold.get("with"));
                    List<String> without = strings(gold.get("without"));
                    without.addAll(strings(gold.get("comments")));
                    lines.addAll(all.segments(text, with, without));
                    if (french) {
                        fr.segments(text, with, without);
                    }
                    if (gold.hasNonNull("starts_with")) {
                        prefixPages++;
                        boolean ok = ExtractionScore.normalise(text).startsWith(ExtractionScore.normalise(gold.get("starts_with").asText()));
                        prefixOk += ok ? 1 : 0;
                        if (!ok) {
                            lines.add("PREFIX   " + gold.get("starts_with").asText());
                        }
                    }
                }
                Path goldTxt = page.resolve("gold.txt");
                if (Files.exists(goldTxt)) {
                    String gold = Files.readString(goldTxt);
                    double[] prf = all.fullText(text, gold);
                    if (french) {
                        fr.fullText(text, gold);
                    }
                    if (prf[2] < 0.95) {
                        lines.add(String.format(Locale.ROOT, "BOW      P=%.3f R=%.3f F1=%.3f", prf[0], prf[1], prf[2]));
                    }
                }
                if (!lines.isEmpty()) {
                    report.println("== " + id + "  (" + text.length() + " chars)");
                    lines.forEach(l -> report.println("   " + l));
                }
            }
            report.println();
            report.println("fr : " + fr.summary());
            report.println("all: " + all.summary());
        }
        System.out.println("[extract-dev] French: " + fr.summary());
        System.out.println("[extract-dev] all   : " + all.summary());
        System.out.printf(Locale.ROOT, "[extract-dev] prefix pages starting right: %d/%d%n", prefixOk, prefixPages);

        assertTrue(all.f1() >= FLOOR_SEGMENT_F1_ALL, "segment F1 (all) " + all.f1() + " < " + FLOOR_SEGMENT_F1_ALL);
        assertTrue(fr.f1() >= FLOOR_SEGMENT_F1_FR, "segment F1 (fr) " + fr.f1() + " < " + FLOOR_SEGMENT_F1_FR);
        assertTrue(all.fullTextF1() >= FLOOR_FULLTEXT_F1_ALL, "full-text F1 (all) " + all.fullTextF1());
        assertTrue(fr.fullTextF1() >= FLOOR_FULLTEXT_F1_FR, "full-text F1 (fr) " + fr.fullTextF1());
    }

    @Test
    void corpusFrPages() throws IOException {
        Path html = shared().resolve("corpus-fr").resolve("html");
        Path articles = shared().resolve("corpus-fr").resolve("articles.jsonl.gz");
        Assumptions.assumeTrue(Files.isDirectory(html) && Files.exists(articles),
                "../shared/corpus-fr/html not found: skipping extraction-quality test");

        Map<String, String> fileToId = new LinkedHashMap<>();
        for (String line : Files.readAllLines(html.resolve("index.jsonl"))) {
            if (!line.isBlank()) {
                JsonNode row = JSON.readTree(line);
                fileToId.put(row.get("file").asText(), row.get("article_id").asText());
            }
        }
        Map<String, String> goldText = goldTexts(articles, new java.util.HashSet<>(fileToId.values()));

        List<String> files = new ArrayList<>(fileToId.keySet());
        List<String> pages = new ArrayList<>(files.size());
        for (String f : files) {
            pages.add(decode(Files.readAllBytes(html.resolve(f)), "utf-8"));
        }
        for (String p : pages) {
            cleaner.clean(p, null); // one untimed pass: the JIT needs a few hundred pages to settle
        }
        long start = System.nanoTime();
        List<String> texts = new ArrayList<>(pages.size());
        for (String p : pages) {
            texts.add(cleaner.clean(p, null).text());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double pagesPerSecond = pages.size() / seconds;

        double f1Sum = 0;
        double pSum = 0;
        double rSum = 0;
        int scored = 0;
        List<String> worst = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String gold = goldText.get(fileToId.get(files.get(i)));
            if (gold == null) {
                continue;
            }
            double[] prf = ExtractionScore.bagOfWords(texts.get(i), gold);
            pSum += prf[0];
            rSum += prf[1];
            f1Sum += prf[2];
            scored++;
            if (prf[2] < 0.9) {
                worst.add(String.format(Locale.ROOT, "%s P=%.3f R=%.3f F1=%.3f", files.get(i), prf[0], prf[1], prf[2]));
            }
        }
        double meanF1 = scored == 0 ? 0 : f1Sum / scored;
        Files.createDirectories(Path.of("target", "extraction"));
        Files.write(Path.of("target", "extraction", "corpus-fr-worst.txt"), worst);
        System.out.printf(Locale.ROOT, "[corpus-fr] %d pages: bag-of-words P=%.3f R=%.3f F1=%.3f, %.0f pages/s (%.1f KB/page avg)%n",
                scored, pSum / scored, rSum / scored, meanF1, pagesPerSecond, pages.stream().mapToInt(String::length).average().orElse(0) / 1024);

        assertTrue(scored > 0, "no corpus-fr page matched a gold record");
        assertTrue(meanF1 >= FLOOR_CORPUS_F1, "corpus-fr bag-of-words F1 " + meanF1 + " < " + FLOOR_CORPUS_F1);
        assertTrue(rSum / scored >= FLOOR_CORPUS_RECALL, "corpus-fr bag-of-words recall " + rSum / scored);
    }

    private static Map<String, String> goldTexts(Path gz, java.util.Set<String> wanted) throws IOException {
        Map<String, String> out = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(gz), 1 << 16), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null && out.size() < wanted.size()) {
                int q = line.indexOf("\"id\"");
                int open = q < 0 ? -1 : line.indexOf('"', line.indexOf(':', q) + 1);
                int close = open < 0 ? -1 : line.indexOf('"', open + 1);
                if (close < 0 || !wanted.contains(line.substring(open + 1, close))) {
                    continue; // only parse the records we score
                }
                JsonNode rec = JSON.readTree(line);
                out.put(rec.get("id").asText(), rec.get("text").asText());
            }
        }
        return out;
    }

    /** Lenient decoding: some archived pages are not valid in their declared charset. */
    static String decode(byte[] bytes, String charset) {
        Charset cs;
        try {
            cs = Charset.forName(charset);
        } catch (RuntimeException e) {
            cs = StandardCharsets.UTF_8;
        }
        try {
            return cs.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }
}
