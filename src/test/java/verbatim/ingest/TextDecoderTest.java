package verbatim.ingest;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextDecoderTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @Test
    void windows1252FrenchWithoutDeclarationKeepsItsAccents() throws Exception {
        byte[] bytes = "L’été dernier, la présidente a dit « ça suffit ». Œuvre complète.".getBytes(WINDOWS_1252);
        assertEquals("L’été dernier, la présidente a dit « ça suffit ». Œuvre complète.", TextDecoder.decode(bytes, false));
    }

    @Test
    void htmlDeclaringLatin1IsReadAsWindows1252LikeBrowsersDo() throws Exception {
        String page = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>L’événement</p></body></html>";
        assertTrue(TextDecoder.decode(page.getBytes(WINDOWS_1252), true).contains("L’événement"));
    }

    @Test
    void aCharsetDeclaredOutsideTheBytesIsBelievedAndLatin1MeansWindows1252() throws Exception {
        assertEquals("L’été", TextDecoder.decode("L’été".getBytes(WINDOWS_1252), false, "ISO-8859-1"));
        assertEquals("L’été", TextDecoder.decode("L’été".getBytes(StandardCharsets.UTF_16BE), false, "utf-16be"));
        assertThrows(java.nio.charset.UnsupportedCharsetException.class,
                () -> TextDecoder.decode("été".getBytes(StandardCharsets.UTF_8), false, "klingon-8"));
        assertThrows(TextDecoder.NotTextException.class,
                () -> TextDecoder.decode(new byte[] {'P', 'K', 3, 4, 0, 0}, false, "utf-8"));
    }

    @Test
    void utf8WithAFewBrokenBytesIsDecodedLenientlyNotDropped() throws Exception {
        byte[] good = "Première phrase, accentuée. ".getBytes(StandardCharsets.UTF_8);
        byte[] broken = {(byte) 0xC3, (byte) 0x28};
        byte[] rest = " Deuxième phrase intacte.".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[good.length + broken.length + rest.length];
        System.arraycopy(good, 0, all, 0, good.length);
        System.arraycopy(broken, 0, all, good.length, broken.length);
        System.arraycopy(rest, 0, all, good.length + broken.length, rest.length);

        String text = TextDecoder.decode(all, false);
        assertTrue(text.startsWith("Première phrase, accentuée."), text);
        assertTrue(text.endsWith("Deuxième phrase intacte."), text);
        assertTrue(text.contains("\uFFFD"), "the broken byte is replaced, visibly");
    }

    @Test
    void byteOrderMarkWinsAndIsRemoved() throws Exception {
        byte[] body = "Été".getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);
        assertEquals("Été", TextDecoder.decode(bytes, false));
    }

    @Test
    void imagesAndOtherBinariesAreNotText() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D};
        TextDecoder.NotTextException e = assertThrows(TextDecoder.NotTextException.class, () -> TextDecoder.decode(png, true));
        assertTrue(e.getMessage().contains("PNG"), e.getMessage());
        assertThrows(TextDecoder.NotTextException.class, () -> TextDecoder.decode(new byte[] {'a', 0, 'b', 0, 1, 2}, false));
    }
}
