package sabaq.signalling.ws;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageAssemblerTest {
    private final List<String> events = new ArrayList<>();
    private final MessageAssembler assembler = new MessageAssembler(10, new MessageAssembler.Sink() {
        @Override
        public void text(String message) {
            events.add("text:" + message);
        }

        @Override
        public void tooLarge(long bytes) {
            events.add("large:" + bytes);
        }

        @Override
        public void binary() {
            events.add("binary");
        }
    });

    private void frames(WebSocketFrame... frames) {
        for (WebSocketFrame f : frames) assembler.onFrame(f);
    }

    @Test
    void reassemblesAndLimits() {
        frames(WebSocketFrame.textFrame("hello", true));
        frames(WebSocketFrame.textFrame("he", false), WebSocketFrame.continuationFrame(Buffer.buffer("llo"), false),
                WebSocketFrame.continuationFrame(Buffer.buffer("!"), true));
        frames(WebSocketFrame.textFrame("0123456789", true));
        frames(WebSocketFrame.textFrame("0123456789A", true));
        frames(WebSocketFrame.textFrame("012345", false), WebSocketFrame.continuationFrame(Buffer.buffer("6789AB"), true));
        frames(WebSocketFrame.binaryFrame(Buffer.buffer("b"), false), WebSocketFrame.continuationFrame(Buffer.buffer("c"), true));
        frames(WebSocketFrame.continuationFrame(Buffer.buffer("stray"), true));
        frames(WebSocketFrame.pingFrame(Buffer.buffer("p")));
        frames(WebSocketFrame.textFrame("\u00e9t\u00e9", true));
        assertEquals(List.of("text:hello", "text:hello!", "text:0123456789", "large:11", "large:12", "binary",
                "text:\u00e9t\u00e9"), events);
    }

    @Test
    void fuzzedFrameSequences() {
        Random r = new Random(3);
        for (int i = 0; i < 200_000; i++) {
            byte[] data = new byte[r.nextInt(14)];
            r.nextBytes(data);
            Buffer b = Buffer.buffer(data);
            boolean fin = r.nextBoolean();
            switch (r.nextInt(4)) {
                case 0:
                    assembler.onFrame(WebSocketFrame.binaryFrame(b, fin));
                    break;
                case 1:
                    assembler.onFrame(WebSocketFrame.continuationFrame(b, fin));
                    break;
                case 2:
                    assembler.onFrame(WebSocketFrame.pingFrame(Buffer.buffer("x")));
                    break;
                default:
                    assembler.onFrame(WebSocketFrame.textFrame("abcdefghijklmn".substring(0, r.nextInt(14)), fin));
            }
        }
        for (String e : events) {
            if (e.startsWith("text:")) assertTrue(e.length() - 5 <= 10, e);
            if (e.startsWith("large:")) assertTrue(Long.parseLong(e.substring(6)) > 10, e);
        }
        assertTrue(events.size() > 10_000);
    }
}
