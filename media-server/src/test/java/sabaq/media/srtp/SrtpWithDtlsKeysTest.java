package sabaq.media.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import sabaq.media.dtls.DtlsCertificate;
import sabaq.media.dtls.DtlsClientSession;
import sabaq.media.dtls.DtlsConfig;
import sabaq.media.dtls.DtlsFailure;
import sabaq.media.dtls.DtlsServerSession;
import sabaq.media.dtls.DtlsSessionListener;
import sabaq.media.dtls.SrtpKeyMaterial;
import sabaq.media.dtls.SrtpProfile;

/** The keys each side exports from a real (in-memory) DTLS handshake drive SRTP in both directions. */
class SrtpWithDtlsKeysTest {

    private static DtlsSessionListener completing(CompletableFuture<SrtpKeyMaterial> keys) {
        return new DtlsSessionListener() {
            @Override
            public void onHandshakeComplete(SrtpKeyMaterial exported) {
                keys.complete(exported);
            }

            @Override
            public void onFailure(DtlsFailure reason, String detail) {
                keys.completeExceptionally(new AssertionError(reason + ": " + detail));
            }
        };
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void handshakeKeysProtectMediaBothWays(SrtpProfile profile) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            DtlsCertificate sfuCertificate = DtlsCertificate.generate();
            DtlsCertificate browserCertificate = DtlsCertificate.generate();
            DtlsConfig config = DtlsConfig.defaults().withProfiles(List.of(profile));
            CompletableFuture<SrtpKeyMaterial> sfuKeys = new CompletableFuture<>();
            CompletableFuture<SrtpKeyMaterial> browserKeys = new CompletableFuture<>();
            AtomicReference<DtlsClientSession> browserRef = new AtomicReference<>();
            DtlsServerSession sfu = new DtlsServerSession(sfuCertificate, browserCertificate.fingerprint(),
                    (b, off, len) -> browserRef.get().onPacket(b, off, len), executor, config,
                    completing(sfuKeys));
            DtlsClientSession browser = new DtlsClientSession(browserCertificate, sfuCertificate.fingerprint(),
                    sfu::onPacket, executor, config, completing(browserKeys));
            browserRef.set(browser);
            sfu.start();
            browser.start();

            SrtpTransformer sfuSrtp = SrtpTransformer.forServer(sfuKeys.get(10, TimeUnit.SECONDS));
            SrtpTransformer browserSrtp = SrtpTransformer.forClient(browserKeys.get(10, TimeUnit.SECONDS));
            assertEquals(profile, sfuSrtp.profile());

            byte[] packet = new byte[12 + 100 + SrtpTransformer.MAX_RTP_OVERHEAD];
            packet[0] = (byte) 0x80;
            packet[1] = 111;
            packet[11] = 42;
            for (int i = 12; i < 112; i++) {
                packet[i] = (byte) i;
            }
            byte[] plain = java.util.Arrays.copyOf(packet, 112);
            int up = browserSrtp.protectRtp(packet, 0, 112);
            assertEquals(112, sfuSrtp.unprotectRtp(packet, 0, up));
            int down = sfuSrtp.protectRtp(packet, 0, 112);
            assertEquals(112, browserSrtp.unprotectRtp(packet, 0, down));
            assertArrayEquals(plain, java.util.Arrays.copyOf(packet, 112));
            sfu.close();
            browser.close();
        } finally {
            executor.shutdownNow();
            assertTrue(executor.awaitTermination(5, TimeUnit.SECONDS));
        }
    }
}
