package sabaq.media.dtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class QueuedDatagramTransportTest {

    private static byte[] record(int contentType, int epoch, int bodyLength) {
        byte[] r = new byte[13 + bodyLength];
        r[0] = (byte) contentType;
        r[1] = (byte) 0xFE;
        r[2] = (byte) 0xFD;
        r[3] = (byte) (epoch >> 8);
        r[4] = (byte) epoch;
        r[11] = (byte) (bodyLength >> 8);
        r[12] = (byte) bodyLength;
        return r;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Test
    void truncatedProtectedRecordsAreRecognisedInAnyPositionOfTheDatagram() {
        assertFalse(QueuedDatagramTransport.hasTruncatedProtectedRecord(record(22, 0, 1), 24));
        assertFalse(QueuedDatagramTransport.hasTruncatedProtectedRecord(record(23, 1, 24), 24));
        assertTrue(QueuedDatagramTransport.hasTruncatedProtectedRecord(record(23, 1, 23), 24));
        assertFalse(QueuedDatagramTransport.hasTruncatedProtectedRecord(record(21, 1, 18), 16));
        assertTrue(QueuedDatagramTransport.hasTruncatedProtectedRecord(
                concat(record(22, 0, 40), record(20, 1, 2)), 24));
        assertFalse(QueuedDatagramTransport.hasTruncatedProtectedRecord(
                concat(record(22, 0, 40), record(22, 1, 40)), 24));
        assertFalse(QueuedDatagramTransport.hasTruncatedProtectedRecord(new byte[5], 24));
    }

    @Test
    void fuzzedDatagramsNeverThrow() {
        Random random = new Random(6347L);
        for (int i = 0; i < 200_000; i++) {
            byte[] datagram = new byte[random.nextInt(200)];
            random.nextBytes(datagram);
            if (datagram.length > 13 && random.nextBoolean()) {
                datagram[11] = 0;
                datagram[12] = (byte) random.nextInt(datagram.length);
            }
            QueuedDatagramTransport.hasTruncatedProtectedRecord(datagram, 16 + random.nextInt(9));
        }
    }

    @Test
    void queuedDatagramsAreCopiedAndDeliveredInOrder() throws Exception {
        QueuedDatagramTransport transport = new QueuedDatagramTransport(4, (d, o, l) -> { }, new HandshakeOutcome());
        byte[] data = {9, 1, 2, 3, 9};
        assertTrue(transport.offer(data, 1, 3));
        data[1] = 7;
        assertTrue(transport.offer(new byte[] {4}, 0, 1));
        byte[] buf = new byte[1500];
        assertEquals(3, transport.receive(buf, 0, buf.length, 10));
        assertEquals(1, buf[0]);
        assertEquals(3, buf[2]);
        assertEquals(1, transport.receive(buf, 10, buf.length - 10, 10));
        assertEquals(4, buf[10]);
        assertEquals(-1, transport.receive(buf, 0, buf.length, 1));
        assertEquals(0, transport.droppedPackets());
    }

    @Test
    void closeWakesTheReaderEvenWithAFullQueue() {
        QueuedDatagramTransport transport = new QueuedDatagramTransport(1, (d, o, l) -> { }, new HandshakeOutcome());
        assertTrue(transport.offer(new byte[] {1}, 0, 1));
        transport.requestClose();
        assertThrows(QueuedDatagramTransport.SessionClosedException.class,
                () -> transport.receive(new byte[1500], 0, 1500, 60_000));
    }

    @Test
    void senderExceptionsBecomeIoExceptions() {
        QueuedDatagramTransport transport = new QueuedDatagramTransport(1, (d, o, l) -> {
            throw new IllegalStateException("channel closed");
        }, new HandshakeOutcome());
        assertThrows(java.io.IOException.class, () -> transport.send(new byte[3], 0, 3));
    }
}
