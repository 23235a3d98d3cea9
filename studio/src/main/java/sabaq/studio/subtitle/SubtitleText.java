package sabaq.studio.subtitle;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a subtitle file's bytes. UTF-8 (with or without a byte order mark) and UTF-16 with a byte order mark are
 * read; anything else is refused with the encoding it most likely is. Files from Windows editors in Kazakhstan are
 * often Windows-1251 (Cyrillic letters at bytes 0xC0–0xFF): that is reported by name so staff know to re-save the
 * file as UTF-8, rather than shown as garbled text. Never throws.
 */
public final class SubtitleText {
    public static final String WINDOWS_1251 = "Windows-1251";
    public static final String UNKNOWN = "unknown";

    private SubtitleText() {
    }

    /** The decoded text, or a problem naming the encoding. */
    public record Decoded(String text, String refusedEncoding) {
        public boolean ok() {
            return text != null;
        }
    }

    public static Decoded decode(byte[] data) {
        if (data.length >= 3 && (data[0] & 0xFF) == 0xEF && (data[1] & 0xFF) == 0xBB && (data[2] & 0xFF) == 0xBF) {
            return strict(StandardCharsets.UTF_8, data, 3);
        }
        if (data.length >= 2 && (data[0] & 0xFF) == 0xFE && (data[1] & 0xFF) == 0xFF) {
            return strict(StandardCharsets.UTF_16BE, data, 2);
        }
        if (data.length >= 2 && (data[0] & 0xFF) == 0xFF && (data[1] & 0xFF) == 0xFE) {
            return strict(StandardCharsets.UTF_16LE, data, 2);
        }
        Decoded utf8 = strict(StandardCharsets.UTF_8, data, 0);
        if (utf8.ok()) return utf8;
        return new Decoded(null, looksLikeWindows1251(data) ? WINDOWS_1251 : UNKNOWN);
    }

    private static Decoded strict(Charset cs, byte[] data, int offset) {
        try {
            String s = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data, offset, data.length - offset)).toString();
            if (s.indexOf('\0') >= 0) return new Decoded(null, UNKNOWN);
            return new Decoded(s, null);
        } catch (CharacterCodingException e) {
            return new Decoded(null, UNKNOWN);
        }
    }

    /** Most bytes above 0x7F are Cyrillic letters of Windows-1251 (А–я at 0xC0–0xFF, Ё/ё, Ukrainian/Kazakh І/і). */
    static boolean looksLikeWindows1251(byte[] data) {
        int high = 0;
        int cyrillic = 0;
        for (byte b : data) {
            int v = b & 0xFF;
            if (v < 0x80) continue;
            high++;
            if (v >= 0xC0 || v == 0xA8 || v == 0xB8 || v == 0xB2 || v == 0xB3) cyrillic++;
        }
        return high > 0 && cyrillic * 10 >= high * 8;
    }
}
