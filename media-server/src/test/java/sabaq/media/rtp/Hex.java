package sabaq.media.rtp;

/** Test helper: hex strings (spaces allowed) to bytes. */
public final class Hex {
    private Hex() {
    }

    public static byte[] bytes(String s) {
        String digits = s.replace(" ", "");
        byte[] out = new byte[digits.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
