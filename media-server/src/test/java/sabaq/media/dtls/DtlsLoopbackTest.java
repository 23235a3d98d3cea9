package sabaq.media.dtls;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import sabaq.media.dtls.DtlsTestSupport.Link;
import sabaq.media.dtls.DtlsTestSupport.RecordingListener;

/** A {@link DtlsServerSession} and a {@link DtlsClientSession} wired back to back in memory, without sockets. */
class DtlsLoopbackTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final DtlsConfig FAST = DtlsConfig.defaults().withRetransmitTimeout(Duration.ofMillis(100));

    private static DtlsCertificate serverCertificate;
    private static DtlsCertificate clientCertificate;

    private ExecutorService executor;

    @BeforeAll
    static void certificates() {
        serverCertificate = DtlsCertificate.generate();
        clientCertificate = DtlsCertificate.generate();
    }

    @BeforeEach
    void startExecutor() {
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "dtls-test-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @AfterEach
    void stopExecutor() throws InterruptedException {
        executor.shutdownNow();
        assertTrue(executor.awaitTermination(5, TimeUnit.SECONDS), "handshake threads did not end");
    }

    /** Both ends of one in-memory association. */
    private final class Pair {
        final Link toClient;
        final Link toServer;
        final RecordingListener serverListener = new RecordingListener();
        final RecordingListener clientListener = new RecordingListener();
        final DtlsServerSession server;
        final DtlsClientSession client;

        Pair(DtlsConfig serverConfig, DtlsConfig clientConfig, DtlsFingerprint serverExpects,
             DtlsFingerprint clientExpects, boolean clientPresentsCertificate, boolean clientOffersEms,
             IntPredicate dropToClient, IntPredicate dropToServer) {
            toClient = new Link(dropToClient);
            toServer = new Link(dropToServer);
            server = new DtlsServerSession(serverCertificate, serverExpects, toClient, executor, serverConfig,
                    serverListener);
            client = new DtlsClientSession(clientCertificate, clientExpects, toServer, executor, clientConfig,
                    clientListener, clientPresentsCertificate, clientOffersEms);
            toClient.connectTo(client::onPacket);
            toServer.connectTo(server::onPacket);
        }

        Pair start() {
            server.start();
            client.start();
            return this;
        }

        Pair awaitBoth() throws InterruptedException {
            serverListener.awaitOutcome(WAIT);
            clientListener.awaitOutcome(WAIT);
            return this;
        }

        void assertConnectedWithSameKeys(SrtpProfile expected) {
            assertNull(serverListener.failure(), () -> "server failed: " + serverListener.detail());
            assertNull(clientListener.failure(), () -> "client failed: " + clientListener.detail());
            SrtpKeyMaterial serverKeys = serverListener.keys();
            SrtpKeyMaterial clientKeys = clientListener.keys();
            assertNotNull(serverKeys);
            assertEquals(expected, serverKeys.profile());
            assertEquals(serverKeys, clientKeys);
            assertFalse(Arrays.equals(serverKeys.clientKey(), serverKeys.serverKey()));
            assertFalse(Arrays.equals(serverKeys.clientKey(), new byte[expected.keyLength()]));
            assertTrue(server.isConnected());
            assertTrue(client.isConnected());
            assertEquals(1, serverListener.outcomeCalls());
            assertEquals(1, clientListener.outcomeCalls());
        }
    }

    private Pair pair(DtlsConfig serverConfig, DtlsConfig clientConfig) {
        return new Pair(serverConfig, clientConfig, clientCertificate.fingerprint(), serverCertificate.fingerprint(),
                true, true, n -> false, n -> false);
    }

    @Test
    void handshakeGivesBothSidesTheSameKeysAndPrefersGcm() throws Exception {
        Pair p = pair(FAST, FAST).start().awaitBoth();
        p.assertConnectedWithSameKeys(SrtpProfile.AEAD_AES_128_GCM);
        assertEquals(0, p.server.droppedPackets());
    }

    @Test
    void serverWithGcmOnlySelectsGcm() throws Exception {
        pair(FAST.withProfiles(List.of(SrtpProfile.AEAD_AES_128_GCM)), FAST).start().awaitBoth()
                .assertConnectedWithSameKeys(SrtpProfile.AEAD_AES_128_GCM);
    }

    @Test
    void serverWithCmOnlySelectsCm() throws Exception {
        pair(FAST.withProfiles(List.of(SrtpProfile.AES_CM_128_HMAC_SHA1_80)), FAST).start().awaitBoth()
                .assertConnectedWithSameKeys(SrtpProfile.AES_CM_128_HMAC_SHA1_80);
    }

    @Test
    void clientOfferingOnlyCmGetsCmFromAGcmPreferringServer() throws Exception {
        pair(FAST, FAST.withProfiles(List.of(SrtpProfile.AES_CM_128_HMAC_SHA1_80))).start().awaitBoth()
                .assertConnectedWithSameKeys(SrtpProfile.AES_CM_128_HMAC_SHA1_80);
    }

    @Test
    void noCommonProfileFailsWithNoSrtpProfile() throws Exception {
        Pair p = pair(FAST.withProfiles(List.of(SrtpProfile.AEAD_AES_128_GCM)),
                FAST.withProfiles(List.of(SrtpProfile.AES_CM_128_HMAC_SHA1_80))).start().awaitBoth();
        assertEquals(DtlsFailure.NO_SRTP_PROFILE, p.serverListener.failure());
        assertEquals(DtlsFailure.ALERT, p.clientListener.failure());
        assertFalse(p.server.isConnected());
    }

    @Test
    void wrongClientFingerprintFailsOnTheServerAndAlertsTheClient() throws Exception {
        DtlsFingerprint someoneElse = DtlsCertificate.generate().fingerprint();
        Pair p = new Pair(FAST, FAST, someoneElse, serverCertificate.fingerprint(), true, true, n -> false,
                n -> false).start().awaitBoth();
        assertEquals(DtlsFailure.FINGERPRINT_MISMATCH, p.serverListener.failure());
        assertTrue(p.serverListener.detail().contains(someoneElse.toSdpValue()), p.serverListener.detail());
        assertEquals(DtlsFailure.ALERT, p.clientListener.failure());
        assertTrue(p.clientListener.detail().contains("bad_certificate"), p.clientListener.detail());
        assertFalse(p.server.isConnected());
        assertFalse(p.client.isConnected());
        assertEquals(1, p.serverListener.outcomeCalls());
        assertEquals(1, p.clientListener.outcomeCalls());
    }

    @Test
    void wrongServerFingerprintFailsOnTheClient() throws Exception {
        Pair p = new Pair(FAST, FAST, clientCertificate.fingerprint(), DtlsCertificate.generate().fingerprint(),
                true, true, n -> false, n -> false).start().awaitBoth();
        assertEquals(DtlsFailure.FINGERPRINT_MISMATCH, p.clientListener.failure());
        assertEquals(DtlsFailure.ALERT, p.serverListener.failure());
    }

    @Test
    void clientWithoutCertificateFailsWithNoCertificate() throws Exception {
        Pair p = new Pair(FAST, FAST, clientCertificate.fingerprint(), serverCertificate.fingerprint(), false, true,
                n -> false, n -> false).start().awaitBoth();
        assertEquals(DtlsFailure.NO_CERTIFICATE, p.serverListener.failure());
        assertNotNull(p.clientListener.failure());
        assertNull(p.clientListener.keys());
    }

    @Test
    void clientWithoutExtendedMasterSecretIsRefused() throws Exception {
        Pair p = new Pair(FAST, FAST, clientCertificate.fingerprint(), serverCertificate.fingerprint(), true, false,
                n -> false, n -> false).start().awaitBoth();
        assertEquals(DtlsFailure.NO_EXTENDED_MASTER_SECRET, p.serverListener.failure());
        assertTrue(p.serverListener.detail().contains("extended_master_secret"), p.serverListener.detail());
        assertEquals(DtlsFailure.ALERT, p.clientListener.failure());
    }

    @Test
    void garbageBeforeAndDuringTheHandshakeIsIgnored() throws Exception {
        Random random = new Random(20261101L);
        Pair p = pair(FAST.withInboundQueueCapacity(256), FAST);
        for (int i = 0; i < 40; i++) {
            byte[] junk = noise(random);
            assertDoesNotThrow(() -> p.server.onPacket(junk, 0, junk.length));
        }
        assertDoesNotThrow(() -> p.server.onPacket(null, 0, 10));
        assertDoesNotThrow(() -> p.server.onPacket(new byte[10], -1, 5));
        assertDoesNotThrow(() -> p.server.onPacket(new byte[10], 8, 5));
        assertDoesNotThrow(() -> p.server.onPacket(new byte[10], 0, 0));
        assertDoesNotThrow(() -> p.server.onPacket(new byte[2000], 0, 2000));
        assertEquals(5, p.server.droppedPackets());
        p.toServer.injectBefore((data, off, len) -> {
            byte[] junk = noise(random);
            p.server.onPacket(junk, 0, junk.length);
        });
        p.start().awaitBoth();
        p.assertConnectedWithSameKeys(SrtpProfile.AEAD_AES_128_GCM);
    }

    /**
     * Well-formed epoch-0 records are not authenticated in DTLS 1.2, so forged ones can push the replay window past the
     * real flights and stall the handshake (the SFU only accepts DTLS from the address ICE validated). Whatever they
     * do, each side must end with exactly one outcome, in time, and nothing may throw.
     */
    @Test
    void forgedRecordsDuringTheHandshakeEndItCleanly() throws Exception {
        Random random = new Random(7L);
        DtlsConfig oneSecond = FAST.withHandshakeTimeout(Duration.ofSeconds(1)).withInboundQueueCapacity(256);
        Pair p = pair(oneSecond, oneSecond);
        p.toServer.injectBefore((data, off, len) -> {
            byte[] forged = forgedRecord(random);
            p.server.onPacket(forged, 0, forged.length);
        });
        p.toClient.injectBefore((data, off, len) -> {
            byte[] forged = forgedRecord(random);
            p.client.onPacket(forged, 0, forged.length);
        });
        p.start().awaitBoth();
        assertEquals(1, p.serverListener.outcomeCalls());
        assertEquals(1, p.clientListener.outcomeCalls());
        assertEquals(p.serverListener.keys() != null, p.server.isConnected());
        if (p.serverListener.keys() != null && p.clientListener.keys() != null) {
            assertEquals(p.serverListener.keys(), p.clientListener.keys());
        }
    }

    @Test
    void lossyLinkCompletesThroughRetransmissions() throws Exception {
        IntPredicate everyThirdOfTheFirstFlights = n -> n <= 12 && n % 3 == 0;
        Pair p = new Pair(FAST, FAST, clientCertificate.fingerprint(), serverCertificate.fingerprint(), true, true,
                everyThirdOfTheFirstFlights, everyThirdOfTheFirstFlights).start().awaitBoth();
        p.assertConnectedWithSameKeys(SrtpProfile.AEAD_AES_128_GCM);
        assertTrue(p.toClient.dropped() + p.toServer.dropped() >= 2,
                "dropped " + p.toClient.dropped() + " + " + p.toServer.dropped());
    }

    @Test
    void silentPeerTimesOutWithinTheConfiguredTimeout() throws Exception {
        DtlsConfig oneSecond = FAST.withHandshakeTimeout(Duration.ofSeconds(1));
        RecordingListener serverListener = new RecordingListener();
        RecordingListener clientListener = new RecordingListener();
        DtlsServerSession lonelyServer = new DtlsServerSession(serverCertificate, clientCertificate.fingerprint(),
                Link.perfect(), executor, oneSecond, serverListener);
        Link blackHole = Link.perfect();
        DtlsClientSession lonelyClient = new DtlsClientSession(clientCertificate, serverCertificate.fingerprint(),
                blackHole, executor, oneSecond, clientListener);
        long start = System.nanoTime();
        lonelyServer.start();
        lonelyClient.start();
        serverListener.awaitOutcome(Duration.ofSeconds(4));
        clientListener.awaitOutcome(Duration.ofSeconds(4));
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(DtlsFailure.TIMEOUT, serverListener.failure());
        assertEquals(DtlsFailure.TIMEOUT, clientListener.failure());
        assertTrue(elapsedMillis >= 900, "timed out too early: " + elapsedMillis + " ms");
        assertTrue(blackHole.sent() >= 2, "the client should have retransmitted its ClientHello");
    }

    @Test
    void fullQueueDropsAndCounts() {
        RecordingListener listener = new RecordingListener();
        DtlsServerSession server = new DtlsServerSession(serverCertificate, clientCertificate.fingerprint(),
                Link.perfect(), executor, FAST.withInboundQueueCapacity(4), listener);
        byte[] datagram = new byte[100];
        for (int i = 0; i < 10; i++) {
            server.onPacket(datagram, 0, datagram.length);
        }
        assertEquals(6, server.droppedPackets());
        server.close();
        server.onPacket(datagram, 0, datagram.length);
        assertEquals(7, server.droppedPackets());
        assertEquals(DtlsFailure.CLOSED, listener.failure());
    }

    @Test
    void closeIsIdempotentAndReleasesTheHandshakeThread() throws Exception {
        ExecutorService single = Executors.newSingleThreadExecutor();
        try {
            RecordingListener listener = new RecordingListener();
            DtlsServerSession server = new DtlsServerSession(serverCertificate, clientCertificate.fingerprint(),
                    Link.perfect(), single, FAST.withHandshakeTimeout(Duration.ofSeconds(60)), listener);
            server.start();
            server.close();
            server.close();
            listener.awaitOutcome(WAIT);
            server.close();
            assertEquals(DtlsFailure.CLOSED, listener.failure());
            CountDownLatch threadFree = new CountDownLatch(1);
            single.execute(threadFree::countDown);
            assertTrue(threadFree.await(WAIT.toMillis(), TimeUnit.MILLISECONDS), "the handshake task still runs");
            assertEquals(1, listener.outcomeCalls());
            assertFalse(server.isConnected());
        } finally {
            single.shutdownNow();
        }
    }

    @Test
    void closeBeforeStartReportsClosedAndStartsNothing() {
        AtomicInteger submitted = new AtomicInteger();
        RecordingListener listener = new RecordingListener();
        DtlsServerSession server = new DtlsServerSession(serverCertificate, clientCertificate.fingerprint(),
                Link.perfect(), task -> submitted.incrementAndGet(), FAST, listener);
        server.close();
        server.start();
        assertEquals(0, submitted.get());
        assertEquals(DtlsFailure.CLOSED, listener.failure());
        assertEquals(1, listener.outcomeCalls());
    }

    @Test
    void startingTwiceIsAProgrammingError() {
        DtlsServerSession server = new DtlsServerSession(serverCertificate, clientCertificate.fingerprint(),
                Link.perfect(), task -> { }, FAST, new RecordingListener());
        server.start();
        assertThrows(IllegalStateException.class, server::start);
    }

    @Test
    void rejectedExecutorIsReportedAsInternal() {
        RecordingListener listener = new RecordingListener();
        DtlsServerSession server = new DtlsServerSession(serverCertificate, clientCertificate.fingerprint(),
                Link.perfect(), task -> {
                    throw new RejectedExecutionException("full");
                }, FAST, listener);
        server.start();
        assertEquals(DtlsFailure.INTERNAL, listener.failure());
        assertTrue(listener.detail().contains("full"));
    }

    @Test
    void closeAfterTheHandshakeSendsCloseNotifyToThePeer() throws Exception {
        Pair p = pair(FAST, FAST).start().awaitBoth();
        p.assertConnectedWithSameKeys(SrtpProfile.AEAD_AES_128_GCM);
        p.server.close();
        assertFalse(p.server.isConnected());
        p.clientListener.awaitDisconnect(WAIT);
        assertEquals(DtlsFailure.CLOSED, p.clientListener.disconnectReason());
        assertFalse(p.client.isConnected());
        assertEquals(0, p.serverListener.disconnectCalls());
        assertEquals(1, p.serverListener.outcomeCalls());
    }

    @Test
    void afterTheLingerTheTaskEndsAndCloseStillSendsCloseNotify() throws Exception {
        DtlsConfig shortLinger = FAST.withPostHandshakeLinger(Duration.ofMillis(200));
        Pair p = pair(shortLinger, shortLinger).start().awaitBoth();
        p.assertConnectedWithSameKeys(SrtpProfile.AEAD_AES_128_GCM);
        byte[] late = forgedRecord(new Random(3L));
        late[0] = 23;
        late[4] = 1;
        DtlsTestSupport.awaitCondition(() -> {
            p.server.onPacket(late, 0, late.length);
            return p.server.droppedPackets() > 0;
        }, WAIT, "the server to stop reading after the linger");
        assertTrue(p.server.isConnected());
        int sentBefore = p.toClient.sent();
        p.server.close();
        assertFalse(p.server.isConnected());
        assertEquals(sentBefore + 1, p.toClient.sent(), "close() should send one close_notify record");
        byte[] closeNotify = p.toClient.sentDatagrams().get(sentBefore);
        assertEquals(21, closeNotify[0], "an alert record");
    }

    /** Random bytes; half of them start like a DTLS 1.2 record whose length field does not fit. */
    @Test
    void malformedRecordsAfterTheHandshakeDoNotEndTheAssociation() throws Exception {
        Pair p = pair(FAST, FAST).start().awaitBoth();
        p.assertConnectedWithSameKeys(SrtpProfile.AEAD_AES_128_GCM);
        Random random = new Random(11L);
        long droppedBefore = p.server.droppedPackets();
        for (int i = 0; i < 30; i++) {
            byte[] record = forgedRecord(random);
            record[0] = (byte) (21 + i % 3);
            record[4] = (byte) (i % 5 == 0 ? 0 : 1);
            if (i % 2 == 0) {
                record = Arrays.copyOf(record, 13 + i % 24);
                record[11] = 0;
                record[12] = (byte) (record.length - 13);
            }
            byte[] junk = record;
            p.server.onPacket(junk, 0, junk.length);
            byte[] noise = noise(random);
            p.server.onPacket(noise, 0, noise.length);
        }
        // The even-numbered records of epoch 1 (12 of them) are 0..23 bytes: too short for AES-GCM (24).
        DtlsTestSupport.awaitCondition(() -> p.server.droppedPackets() - droppedBefore >= 12, WAIT,
                "truncated protected records to be filtered");
        assertTrue(p.server.isConnected());
        p.server.close();
        p.clientListener.awaitDisconnect(WAIT);
        assertEquals(DtlsFailure.CLOSED, p.clientListener.disconnectReason());
        assertEquals(0, p.serverListener.disconnectCalls());
    }

    private static byte[] noise(Random random) {
        byte[] junk = new byte[1 + random.nextInt(300)];
        random.nextBytes(junk);
        if (junk.length > 13 && random.nextBoolean()) {
            junk[0] = 22;
            junk[1] = (byte) 0xFE;
            junk[2] = (byte) 0xFD;
            junk[3] = 0;
            junk[4] = 0;
            int wrongLength = junk.length - 13 + 1 + random.nextInt(50);
            junk[11] = (byte) (wrongLength >> 8);
            junk[12] = (byte) wrongLength;
        }
        return junk;
    }

    /** A consistent epoch-0 DTLS 1.2 handshake record with a random sequence number and a random body. */
    private static byte[] forgedRecord(Random random) {
        byte[] record = new byte[13 + 12 + random.nextInt(200)];
        random.nextBytes(record);
        record[0] = 22;
        record[1] = (byte) 0xFE;
        record[2] = (byte) 0xFD;
        record[3] = 0;
        record[4] = 0;
        int bodyLength = record.length - 13;
        record[11] = (byte) (bodyLength >> 8);
        record[12] = (byte) bodyLength;
        return record;
    }
}
