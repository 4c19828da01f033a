package verbatim.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * The scoring rules of {@code extract-dev/README.md}, as a small accumulator.
 *
 * <p>Both sides are normalised the same way: entities unescaped, typographic quotes folded to ' and ",
 * the oe ligature unfolded, whitespace collapsed. A {@code with} segment found in the extracted body is a
 * true positive (else a false negative); a {@code without} or {@code comments} segment found is a false
 * positive (else a true negative). Full text is compared as bags of lower-cased words.
 */
final class ExtractionScore {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    int tp;
    int fn;
    int tn;
    int fp;
    double fullTextF1Sum;
    int fullTextPages;

    static String normalise(String s) {
        String t = Parser.unescapeEntities(s == null ? "" : s, false);
        t = t.replace('’', '\'').replace('‘', '\'')
                .replace('«', '"').replace('»', '"').replace('“', '"').replace('”', '"')
                .replace("œ", "oe").replace("Œ", "OE");
        return t.replaceAll("[\\s\\u00a0\\u202f\\u2009]+", " ").strip();
    }

    /** Scores one page's segments; returns the segments it got wrong, for the report. */
    List<String> segments(String extracted, List<String> with, List<String> without) {
        String body = normalise(extracted);
        List<String> misses = new java.util.ArrayList<>();
        for (String w : with) {
            if (body.contains(normalise(w))) {
                tp++;
            } else {
                fn++;
                misses.add("MISSING  " + w);
            }
        }
        for (String w : without) {
            if (body.contains(normalise(w))) {
                fp++;
                misses.add("UNWANTED " + w);
            } else {
                tn++;
            }
        }
        return misses;
    }

    /** Adds one page's bag-of-words F1 and returns {precision, recall, f1}. */
    double[] fullText(String extracted, String gold) {
        double[] prf = bagOfWords(extracted, gold);
        fullTextF1Sum += prf[2];
        fullTextPages++;
        return prf;
    }

    static double[] bagOfWords(String extracted, String gold) {
        Map<String, Integer> got = words(normalise(extracted));
        Map<String, Integer> want = words(normalise(gold));
        int common = 0;
        int gotN = 0;
        int wantN = 0;
        for (var e : got.entrySet()) {
            gotN += e.getValue();
            common += Math.min(e.getValue(), want.getOrDefault(e.getKey(), 0));
        }
        for (int n : want.values()) {
            wantN += n;
        }
        double p = gotN == 0 ? 0 : (double) common / gotN;
        double r = wantN == 0 ? 0 : (double) common / wantN;
        return new double[] {p, r, f1(p, r)};
    }

    private static Map<String, Integer> words(String s) {
        Map<String, Integer> bag = new HashMap<>();
        Matcher m = WORD.matcher(s.toLowerCase(Locale.ROOT));
        while (m.find()) {
            bag.merge(m.group(), 1, Integer::sum);
        }
        return bag;
    }

    double precision() {
        return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    }

    double recall() {
        return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    }

    double f1() {
        return f1(precision(), recall());
    }

    double fullTextF1() {
        return fullTextPages == 0 ? 0 : fullTextF1Sum / fullTextPages;
    }

    static double f1(double p, double r) {
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    String summary() {
        return String.format(Locale.ROOT, "segments P=%.3f R=%.3f F1=%.3f (tp=%d fn=%d tn=%d fp=%d) | full-text F1=%.3f over %d pages",
                precision(), recall(), f1(), tp, fn, tn, fp, fullTextF1(), fullTextPages);
    }
}
