package verbatim.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the bytes of a page or text file into characters, the way a browser would.
 *
 * <p>Order of evidence: a byte-order mark; for HTML, the charset the page declares in its first
 * kilobytes; otherwise the bytes themselves. French pages in Windows-1252 are common and carry no
 * declaration, so bytes that are not UTF-8 are read as Windows-1252 unless they are mostly UTF-8
 * with a few broken sequences, which are replaced rather than dropped.
 *
 * <pre>{@code
 * TextDecoder.decode("caf\u00e9".getBytes(ISO_8859_1), false)  // "café"
 * }</pre>
 */
public final class TextDecoder {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Pattern META_CHARSET =
            Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_:.-]+)", Pattern.CASE_INSENSITIVE);

    private TextDecoder() {
    }

    /** Thrown for content that is not text at all (images, archives, executables). */
    public static final class NotTextException extends Exception {
        NotTextException(String message) {
            super(message);
        }
    }

    public static String decode(byte[] bytes, boolean html) throws NotTextException {
        return decode(bytes, html, null);
    }

    /**
     * As {@link #decode(byte[], boolean)}, but a charset named outside the bytes (the {@code charset} of an HTTP
     * Content-Type) is believed before any guess; null when none was named.
     *
     * @throws UnsupportedCharsetException when the named charset is unknown to the JVM
     */
    public static String decode(byte[] bytes, boolean html, String declaredName) throws NotTextException {
        Charset declared = declaredName == null ? null : charsetNamed(declaredName);
        if (declaredName != null && declared == null) throw new UnsupportedCharsetException(declaredName);
        // UTF-16 and UTF-32 text is full of NUL bytes: only a declaration or a byte-order mark tells it from binary.
        boolean wide = declared != null && declared.newEncoder().averageBytesPerChar() >= 2;
        String binary = wide ? null : binaryKind(bytes);
        if (binary != null) {
            throw new NotTextException("binary content (" + binary + "), not text");
        }
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        if (declared != null) {
            return new String(bytes, declared);
        }
        String utf8 = strictUtf8(bytes);
        if (utf8 != null) {
            return utf8;
        }
        Charset inPage = html ? declaredCharset(bytes) : null;
        if (inPage != null && !inPage.equals(StandardCharsets.UTF_8)) {
            return new String(bytes, inPage);
        }
        // Invalid UTF-8: either a legacy single-byte page, or UTF-8 with a few damaged bytes.
        return mostlyUtf8(bytes) ? new String(bytes, StandardCharsets.UTF_8) : new String(bytes, WINDOWS_1252);
    }

    /** The text when the bytes are well-formed UTF-8, else null. */
    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** True when well-formed multi-byte sequences outnumber the broken ones. */
    private static boolean mostlyUtf8(byte[] b) {
        int valid = 0;
        int invalid = 0;
        for (int i = 0; i < b.length; ) {
            int c = b[i] & 0xFF;
            int len = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
            if (len == 1) {
                i++;
                continue;
            }
            boolean ok = len > 0 && i + len <= b.length;
            for (int k = 1; ok && k < len; k++) {
                ok = (b[i + k] & 0xC0) == 0x80;
            }
            if (ok) {
                valid++;
                i += len;
            } else {
                invalid++;
                i++;
            }
        }
        return valid > invalid;
    }

    /**
     * Windows-1252 is a superset of ISO-8859-1 for printable text, and pages that declare Latin-1
     * routinely use its extra characters (’ œ …), so browsers read one as the other; so do we.
     */
    static Charset declaredCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        if (!m.find()) {
            return null;
        }
        return charsetNamed(m.group(1));
    }

    private static Charset charsetNamed(String declared) {
        String name = declared.strip().toLowerCase(Locale.ROOT);
        if (name.equals("iso-8859-1") || name.equals("latin1") || name.equals("us-ascii") || name.equals("ascii")) {
            return WINDOWS_1252;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    /** Names the kind of binary content, or null when the bytes could be text. */
    static String binaryKind(byte[] b) {
        if (startsWith(b, 0x89, 'P', 'N', 'G')) return "PNG image";
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) return "JPEG image";
        if (startsWith(b, 'G', 'I', 'F', '8')) return "GIF image";
        if (startsWith(b, '%', 'P', 'D', 'F')) return "PDF document";
        if (startsWith(b, 'P', 'K', 3, 4)) return "ZIP archive";
        if (startsWith(b, 0x1F, 0x8B)) return "gzip data";
        if (startsWith(b, 0x7F, 'E', 'L', 'F')) return "executable";
        if (startsWith(b, 0xFF, 0xFE) || startsWith(b, 0xFE, 0xFF)) return null; // UTF-16 text has NULs
        int n = Math.min(b.length, 8192);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xFF;
            if (c == 0) return "NUL bytes";
            if (c < 0x09 || (c > 0x0D && c < 0x20)) control++;
        }
        return n > 0 && control * 10 > n ? "control characters" : null;
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) return false;
        }
        return true;
    }
}
