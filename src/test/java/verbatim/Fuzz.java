package verbatim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DynamicTest;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Seeded random generation for the *FuzzTest classes (plain JUnit Jupiter dynamic tests).
 * <ul>
 *   <li>{@code -Dverbatim.fuzz.tries=N}: random inputs per property (default {@value #DEFAULT_TRIES}; the fixed edge
 *       cases of each property run besides);</li>
 *   <li>{@code -Dverbatim.fuzz.seed=S}: the base seed (default: drawn once per run and printed). Every try derives
 *       its own seed from it, the property's name and the try's number, so a run replays exactly from its seed;</li>
 *   <li>{@code -Dverbatim.fuzz.try=I}: with the seed, run only try I (what a failure message tells you to pass).</li>
 * </ul>
 */
public final class Fuzz {

    public static final int DEFAULT_TRIES = 100;
    private static final int TRIES = Integer.getInteger("verbatim.fuzz.tries", DEFAULT_TRIES);
    private static final Integer ONLY_TRY = Integer.getInteger("verbatim.fuzz.try");
    private static final long SEED;

    static {
        String s = System.getProperty("verbatim.fuzz.seed");
        SEED = s == null || s.isBlank() ? new java.security.SecureRandom().nextLong() : Long.parseLong(s.strip());
        System.out.println("Fuzz: base seed " + SEED + ", " + TRIES + " tries per property (replay: -Dverbatim.fuzz.seed="
                + SEED + ")");
    }

    private Fuzz() {
    }

    public static long seed() {
        return SEED;
    }

    public static int tries() {
        return TRIES;
    }

    // --- running ----------------------------------------------------------------------------------------------

    /** The check of one input; may throw anything (a failure). */
    @FunctionalInterface
    public interface Check<T> {
        void check(T input) throws Throwable;
    }

    /**
     * One property: the fixed edge cases first, then {@link #tries()} inputs from {@code gen}, each a dynamic test.
     * A failure is an {@link AssertionError} whose message has the seed, the try and the input (abbreviated by
     * {@code show}), its cause the original failure.
     */
    public static <T> Stream<DynamicTest> property(String name, List<T> edgeCases, Gen<T> gen, Function<? super T, String> show,
                                                   Check<? super T> check) {
        Stream<DynamicTest> edges = ONLY_TRY != null ? Stream.empty() : IntStream.range(0, edgeCases.size()).mapToObj(i ->
                DynamicTest.dynamicTest("edge " + i + ": " + abbreviate(show.apply(edgeCases.get(i)), 60),
                        () -> run(name + ", edge case " + i + " (seed " + SEED + ")", edgeCases.get(i), show, check)));
        IntStream tries = ONLY_TRY != null ? IntStream.of(ONLY_TRY) : IntStream.range(0, TRIES);
        Stream<DynamicTest> random = tries.mapToObj(i -> DynamicTest.dynamicTest("try " + i, () -> {
            String where = name + ", try " + i + " of seed " + SEED + " (replay: -Dverbatim.fuzz.seed=" + SEED
                    + " -Dverbatim.fuzz.try=" + i + ")";
            T input;
            try {
                input = gen.next(new SplittableRandom(trySeed(name, i)));
            } catch (Throwable t) {
                throw new AssertionError(where + ": generating the input failed: " + t, t);
            }
            run(where, input, show, check);
        }));
        return Stream.concat(edges, random);
    }

    private static <T> void run(String where, T input, Function<? super T, String> show, Check<? super T> check) {
        try {
            check.check(input);
        } catch (Throwable t) {
            if (t instanceof VirtualMachineError && !(t instanceof OutOfMemoryError)) throw (VirtualMachineError) t;
            throw new AssertionError(where + "\ninput: " + show.apply(input) + "\nfailure: " + t, t);
        }
    }

    static long trySeed(String name, int i) {
        return mix(mix(SEED ^ name.hashCode()) + i);
    }

    private static long mix(long z) { // SplitMix64's finaliser
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    // --- showing inputs ---------------------------------------------------------------------------------------

    /** Up to 300 characters, controls, format characters and lone surrogates escaped, the length if cut. */
    public static String show(String s) {
        if (s == null) return "null";
        String shown = s.length() > 300 ? s.substring(0, 300) + "… (" + s.length() + " chars)" : s;
        StringBuilder b = new StringBuilder();
        shown.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.SURROGATE) {
                b.append(String.format("\\u%04X", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }

    /** Up to 200 bytes in hex, the length if cut. */
    public static String show(byte[] bytes) {
        if (bytes == null) return "null";
        StringBuilder b = new StringBuilder(bytes.length + " bytes: ");
        for (int i = 0; i < Math.min(200, bytes.length); i++) b.append(String.format("%02x", bytes[i] & 0xFF));
        if (bytes.length > 200) b.append("…");
        return b.toString();
    }

    public static String show(Object o) {
        return o instanceof byte[] b ? show(b) : show(String.valueOf(o));
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }

    // --- generators -------------------------------------------------------------------------------------------

    /** A generator of values from a random source. */
    @FunctionalInterface
    public interface Gen<T> {
        T next(SplittableRandom r);

        default <U> Gen<U> map(Function<? super T, ? extends U> f) {
            return r -> f.apply(next(r));
        }

        default Gen<T> filter(Predicate<? super T> keep) {
            return r -> {
                for (int i = 0; i < 10_000; i++) {
                    T t = next(r);
                    if (keep.test(t)) return t;
                }
                throw new IllegalStateException("filter rejected 10,000 values in a row");
            };
        }

        default Gen<T> injectNull(double probability) {
            return r -> r.nextDouble() < probability ? null : next(r);
        }

        default Gen<List<T>> list(int min, int max) {
            return r -> {
                int n = size(r, min, max);
                List<T> l = new ArrayList<>(n);
                for (int i = 0; i < n; i++) l.add(next(r));
                return l;
            };
        }

        default Gen<List<T>> list(int max) {
            return list(0, max);
        }
    }

    public record Weighted<T>(int weight, Gen<? extends T> gen) {
    }

    public static <T> Weighted<T> w(int weight, Gen<? extends T> gen) {
        return new Weighted<>(weight, gen);
    }

    @SafeVarargs
    public static <T> Gen<T> frequency(Weighted<T>... choices) {
        int total = Arrays.stream(choices).mapToInt(Weighted::weight).sum();
        return r -> {
            int pick = r.nextInt(total);
            for (Weighted<T> c : choices) {
                if ((pick -= c.weight()) < 0) return c.gen().next(r);
            }
            throw new AssertionError();
        };
    }

    @SafeVarargs
    public static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
        return r -> gens[r.nextInt(gens.length)].next(r);
    }

    public static <T> Gen<T> of(List<T> values) {
        List<T> copy = List.copyOf(values);
        return r -> copy.get(r.nextInt(copy.size()));
    }

    @SafeVarargs
    public static <T> Gen<T> of(T... values) {
        List<T> copy = Arrays.asList(values.clone()); // may hold nulls
        return r -> copy.get(r.nextInt(copy.size()));
    }

    public static <T> Gen<T> just(T value) {
        return r -> value;
    }

    public static Gen<Boolean> booleans() {
        return SplittableRandom::nextBoolean;
    }

    /** Between min and max inclusive; one in ten an edge (min, min + 1, max - 1, max, 0 when within). */
    public static Gen<Integer> ints(int min, int max) {
        return r -> {
            if (r.nextInt(10) == 0) {
                long[] edges = {min, (long) min + 1, (long) max - 1, max, 0};
                long e = edges[r.nextInt(edges.length)];
                if (e >= min && e <= max) return (int) e;
            }
            return (int) r.nextLong(min, (long) max + 1);
        };
    }

    public static Gen<Long> longs() {
        return r -> r.nextInt(10) == 0 ? of(0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE).next(r) : r.nextLong();
    }

    public static Gen<Double> doubles() {
        return r -> switch (r.nextInt(12)) {
            case 0 -> of(0.0, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 1e-300, 1.5).next(r);
            case 1 -> Double.longBitsToDouble(r.nextLong()); // incl. NaN and infinities
            default -> (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(-10, 20));
        };
    }

    /** Between -bound and bound. */
    public static Gen<BigInteger> bigIntegers(BigInteger bound) {
        return r -> {
            BigInteger span = bound.shiftLeft(1).add(BigInteger.ONE);
            BigInteger v;
            do {
                v = new BigInteger(span.bitLength(), new java.util.Random(r.nextLong()));
            } while (v.compareTo(span) >= 0);
            return v.subtract(bound);
        };
    }

    /**
     * A size between min and max, biased to the small like jqwik's: min one in 16, max one in 32, up to min + 10
     * three in eight, else half the time log-uniform (as many below 100 as from 100 to 1,000...), half uniform.
     */
    public static int size(SplittableRandom r, int min, int max) {
        if (max <= min) return min;
        int span = max - min;
        int pick = r.nextInt(32);
        if (pick < 2) return min;
        if (pick < 3) return max;
        if (pick < 15) return min + r.nextInt(Math.min(span, 10) + 1);
        if (pick < 24) return min + (int) Math.min(span, Math.floor(Math.expm1(r.nextDouble() * Math.log1p(span))));
        return r.nextInt(min, max + 1);
    }

    // --- strings ----------------------------------------------------------------------------------------------

    private static final String OPERATORS = "\"+-|()*~:\\&!{}[]^?/<>=;,.'`@#%$_";
    private static final String ODD = "\u00A0\u2028\u2029\u200B\u200C\u200D\uFEFF\u202E\u0301\u0300\u0130\u01C5\uFB01\u00DF\uFFFD\uFFFF";

    /** One character (or supplementary code point, as two) from a weighted alphabet; never longer than room. */
    private static void appendChar(StringBuilder b, SplittableRandom r, int alphabet, int room) {
        switch (alphabet) {
            case 0, 1, 2, 3 -> b.append((char) r.nextInt(0x20, 0x7F));                               // printable ASCII
            case 4 -> b.append((char) (r.nextBoolean() ? r.nextInt(0x20) : r.nextInt(0x7F, 0xA0)));  // controls
            case 5, 6 -> b.append(OPERATORS.charAt(r.nextInt(OPERATORS.length())));                 // operators
            case 7 -> b.append(ODD.charAt(r.nextInt(ODD.length())));                                // spaces, joiners, bidi...
            case 8, 9 -> b.append((char) r.nextInt(0xA0, 0x180));                                    // Latin-1, accents
            case 10, 11, 12 -> b.append((char) r.nextInt(0x10000));                                  // any char, lone surrogates too
            default -> {                                                                             // astral: emoji, math...
                if (room >= 2) b.appendCodePoint(r.nextInt(0x10000, 0x110000));
                else b.append((char) r.nextInt(0xD800, 0xE000));
            }
        }
    }

    private static final int ALPHABETS = 14;

    /** Any string of chars (all of Unicode, lone surrogates included) of up to max chars. */
    public static Gen<String> strings(int max) {
        return strings(0, max);
    }

    public static Gen<String> strings(int min, int max) {
        return r -> {
            int n = size(r, min, max);
            int only = r.nextInt(4) == 0 ? r.nextInt(ALPHABETS) : -1; // a quarter from one alphabet only
            StringBuilder b = new StringBuilder(n);
            while (b.length() < n) appendChar(b, r, only >= 0 ? only : r.nextInt(ALPHABETS), n - b.length());
            return b.toString();
        };
    }

    /** Strings of min to max chars out of {@code chars}. */
    public static Gen<String> strings(int min, int max, String chars) {
        return r -> {
            int n = size(r, min, max);
            StringBuilder b = new StringBuilder(n);
            for (int i = 0; i < n; i++) b.append(chars.charAt(r.nextInt(chars.length())));
            return b.toString();
        };
    }

    // --- bytes ------------------------------------------------------------------------------------------------

    /** Byte order marks and magic numbers of binary formats (and nothing). */
    public static final List<byte[]> PREFIXES = List.of(
            new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, new byte[]{(byte) 0xFF, (byte) 0xFE}, new byte[]{(byte) 0xFE, (byte) 0xFF},
            new byte[]{(byte) 0xFF, (byte) 0xFE, 0, 0}, new byte[]{0, 0, (byte) 0xFE, (byte) 0xFF},
            new byte[]{(byte) 0x89, 'P', 'N', 'G'}, "%PDF-1.4".getBytes(StandardCharsets.US_ASCII), new byte[]{'P', 'K', 3, 4},
            new byte[]{(byte) 0x1F, (byte) 0x8B}, "GIF89a".getBytes(StandardCharsets.US_ASCII), new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
            new byte[]{0x7F, 'E', 'L', 'F'}, new byte[0]);

    /** Up to max random bytes; sometimes all one byte, or mostly ASCII. */
    public static Gen<byte[]> bytes(int max) {
        return r -> {
            byte[] b = new byte[size(r, 0, max)];
            switch (r.nextInt(6)) {
                case 0 -> Arrays.fill(b, (byte) r.nextInt(256));
                case 1 -> {
                    for (int i = 0; i < b.length; i++) b[i] = (byte) (r.nextInt(10) == 0 ? r.nextInt(256) : r.nextInt(0x20, 0x7F));
                }
                default -> r.nextBytes(b);
            }
            return b;
        };
    }

    public static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    // --- JSON trees (Jackson's node factory) ------------------------------------------------------------------

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public static Gen<JsonNode> jsonScalars(Gen<String> strings) {
        return frequency(
                w(5, strings.map(NODES::textNode)),
                w(1, longs().map(NODES::numberNode)),
                w(1, doubles().map(NODES::numberNode)),
                w(1, bigIntegers(BigInteger.TEN.pow(30)).map(NODES::numberNode)),
                w(1, booleans().map(NODES::booleanNode)),
                w(1, just(NODES.nullNode())));
    }

    /** Any JSON value nested up to depth (scalars mostly, arrays of up to 5, objects of up to 10 members). */
    public static Gen<JsonNode> jsonValue(int depth, Gen<String> keys, Gen<String> strings) {
        if (depth <= 0) return jsonScalars(strings);
        Gen<JsonNode> array = r -> {
            ArrayNode a = NODES.arrayNode();
            jsonValue(depth - 1, keys, strings).list(5).next(r).forEach(a::add);
            return a;
        };
        Gen<JsonNode> object = r -> jsonObject(depth - 1, keys, strings).next(r);
        return frequency(w(6, jsonScalars(strings)), w(1, array), w(1, object));
    }

    public static Gen<JsonNode> jsonObject(int depth, Gen<String> keys, Gen<String> strings) {
        return r -> {
            ObjectNode o = NODES.objectNode();
            int n = size(r, 0, 10);
            for (int i = 0; i < n; i++) o.set(keys.next(r), jsonValue(depth, keys, strings).next(r));
            return o;
        };
    }

    /** An object whose {@code field} holds arrays and objects nested n deep, around a string. */
    public static JsonNode deepJson(String field, int n) {
        JsonNode inner = NODES.textNode("Le zorbaxium");
        for (int i = 0; i < n; i++) inner = i % 2 == 0 ? NODES.arrayNode().add(inner) : NODES.objectNode().set("text", inner);
        return NODES.objectNode().set(field, inner);
    }

    // --- HTML-ish ---------------------------------------------------------------------------------------------

    public static final List<String> TAGS = List.of("html", "head", "body", "title", "meta", "link", "script", "style",
            "div", "p", "span", "a", "article", "main", "section", "header", "footer", "nav", "aside", "h1", "h2", "ul",
            "ol", "li", "blockquote", "figure", "figcaption", "table", "tr", "td", "br", "hr", "img", "time", "form",
            "input", "noscript", "iframe", "svg", "math", "template", "textarea", "pre", "code", "button", "x-custom", "é");
    public static final List<String> ATTRIBUTES = List.of("class", "id", "itemprop", "property", "name", "content",
            "href", "src", "datetime", "lang", "charset", "http-equiv", "rel", "type", "role", "style", "onerror");
    public static final List<String> VALUES = List.of("article-body", "entry-content", "post", "nav", "menu", "footer",
            "sidebar", "cookie", "newsletter", "share", "comments", "related", "author", "articleBody", "og:title",
            "og:site_name", "article:published_time", "article:tag", "author", "date", "description", "keywords",
            "application/ld+json", "canonical", "2024-05-02", "2024-13-45T99:99", "fr", "utf-8", "x-unknown", "../../x",
            "javascript:alert(1)", "https://example.org/a", "//", "http://[::1", "");
    /** Text, entities (good, bad, cut), markup fragments, odd characters, JSON-LD. */
    public static final List<String> HTML_TEXTS = List.of("Le zorbaxium arrive.", "« Nous ne pouvons plus suivre », affirme Paul Durand.",
            "&amp;", "&lt;", "&gt;", "&nbsp;", "&#233;", "&#x1F600;", "&#0;", "&#99999999;", "&#xD800;", "&NotEqualTilde;",
            "&unknown;", "&", "&#", "<", ">", "<!--", "-->", "<![CDATA[", "]]>", "<!DOCTYPE html>", "<?xml version='1.0'?>",
            "\u0000", "\u200B", "\uFEFF", "\uD83D", "😀", "\r\n", "\n\n\n", "\t", "   ", "Publié le 2 mai 2024",
            "{\"@type\":\"NewsArticle\",\"headline\":\"H\",\"datePublished\":\"2024-05-02\",\"author\":{\"name\":\"A\"}}",
            "{\"@graph\":[[[[{\"headline\":", "Accepter les cookies", "Partager sur Twitter", "Lire aussi", "|", " - ");

    /** Tag soup: random open tags with attributes, closing tags, text and entities, any strings; up to 200 pieces. */
    public static Gen<String> htmlSoup() {
        Gen<String> attribute = r -> {
            String q = of("\"", "'", "").next(r);
            return " " + of(ATTRIBUTES).next(r) + "=" + q + of(VALUES).next(r) + q;
        };
        Gen<String> open = r -> "<" + of(TAGS).next(r) + String.join("", attribute.list(4).next(r)) + ">";
        Gen<String> close = of(TAGS).map(t -> "</" + t + ">");
        Gen<String> piece = frequency(w(4, open), w(3, close), w(5, of(HTML_TEXTS)), w(1, strings(40)));
        return piece.list(200).map(l -> String.join("", l));
    }

    /** depth open tags around a text, closed when depth is even, left open when odd. */
    public static String nestedHtml(String tag, int depth, String inner) {
        return ("<" + tag + ">").repeat(depth) + inner + (depth % 2 == 0 ? ("</" + tag + ">").repeat(depth) : "");
    }

    /** A page with an n-character attribute (twice: ASCII, then two-byte characters) and a long title. */
    public static String hugeAttributeHtml(String attribute, int n) {
        return "<html><head><meta " + attribute + "=\"" + "x".repeat(n) + "\"><title>" + "t ".repeat(n / 10)
                + "</title></head><body><p " + attribute + "='" + "é".repeat(n) + "'>Le zorbaxium arrive.</p></body></html>";
    }

    /** s in a JSON-LD script, a script, a style and an article. */
    public static String scriptsHtml(String s) {
        return "<html><head><script type=\"application/ld+json\">" + s + "</script><script>" + s
                + "</script><style>" + s + "</style></head><body><article>" + s + "</article></body></html>";
    }

    /** HTML-ish strings: soup, deep nesting (100 to 20,000), huge attributes (10,000 to 300,000), scripts, anything. */
    public static Gen<String> html() {
        Gen<String> nested = r -> nestedHtml(of(TAGS).next(r), ints(100, 20_000).next(r), of(HTML_TEXTS).next(r));
        Gen<String> hugeAttribute = r -> hugeAttributeHtml(of(ATTRIBUTES).next(r), ints(10_000, 300_000).next(r));
        Gen<String> scripts = strings(500).map(Fuzz::scriptsHtml);
        return frequency(w(8, htmlSoup()), w(1, nested), w(1, hugeAttribute), w(2, scripts), w(2, strings(1_000)));
    }
}
