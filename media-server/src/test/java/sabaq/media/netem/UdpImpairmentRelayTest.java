package sabaq.media.netem;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UdpImpairmentRelayTest {
    private DatagramSocket server;
    private DatagramSocket client;
    private Thread echo;
    private UdpImpairmentRelay relay;

    @BeforeEach
    void setUp() throws Exception {
        server = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        client = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        echo = new Thread(() -> {
            byte[] b = new byte[2048];
            while (!server.isClosed()) {
                try {
                    DatagramPacket p = new DatagramPacket(b, b.length);
                    server.receive(p);
                    server.send(new DatagramPacket(p.getData(), p.getLength(), p.getSocketAddress()));
                } catch (Exception e) {
                    return;
                }
            }
        });
        echo.setDaemon(true);
        echo.start();
    }

    @AfterEach
    void tearDown() {
        if (relay != null) relay.close();
        server.close();
        client.close();
    }

    private void startRelay(Impairment up, Impairment down) throws Exception {
        relay = UdpImpairmentRelay.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                (InetSocketAddress) server.getLocalSocketAddress(), up, down, 7);
    }

    private long roundTripNanos(int size) throws Exception {
        long t0 = System.nanoTime();
        client.send(new DatagramPacket(new byte[size], size, relay.localAddress()));
        client.setSoTimeout(3000);
        byte[] b = new byte[2048];
        client.receive(new DatagramPacket(b, b.length));
        return System.nanoTime() - t0;
    }

    @Test
    void delaysEachDirection() throws Exception {
        startRelay(Impairment.delay(60), Impairment.delay(40));
        long rtt = roundTripNanos(100);
        assertTrue(rtt >= 100_000_000L, "round trip " + rtt / 1_000_000 + " ms, expected >= 100");
        assertTrue(rtt < 400_000_000L, "round trip " + rtt / 1_000_000 + " ms");
    }

    @Test
    void randomLossDropsAboutTheConfiguredShare() throws Exception {
        startRelay(Impairment.NONE.withLoss(0.3), Impairment.NONE);
        int got = 0;
        client.setSoTimeout(200);
        for (int i = 0; i < 300; i++) {
            client.send(new DatagramPacket(new byte[50], 50, relay.localAddress()));
            try {
                client.receive(new DatagramPacket(new byte[100], 100));
                got++;
            } catch (SocketTimeoutException e) {
                // lost
            }
        }
        assertTrue(got > 170 && got < 250, got + " of 300 came back with 30 % loss");
    }

    @Test
    void rateCapSpacesPacketsOut() throws Exception {
        startRelay(Impairment.NONE, Impairment.NONE.withRate(400_000, 2000));
        // 40 packets of 1000 bytes through 400 kbit/s downstream take ~0.8 s.
        for (int i = 0; i < 40; i++) client.send(new DatagramPacket(new byte[1000], 1000, relay.localAddress()));
        client.setSoTimeout(5000);
        long t0 = System.nanoTime();
        for (int i = 0; i < 40; i++) client.receive(new DatagramPacket(new byte[2048], 2048));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms >= 600, "40 kB at 400 kbit/s arrived in " + ms + " ms");
    }

    @Test
    void aCutNetworkDropsEverythingAndRecovers() throws Exception {
        startRelay(Impairment.NONE, Impairment.NONE);
        roundTripNanos(10);
        relay.setBoth(Impairment.CUT);
        client.setSoTimeout(300);
        client.send(new DatagramPacket(new byte[10], 10, relay.localAddress()));
        boolean timedOut = false;
        try {
            client.receive(new DatagramPacket(new byte[100], 100));
        } catch (SocketTimeoutException e) {
            timedOut = true;
        }
        assertTrue(timedOut, "nothing crosses a cut network");
        relay.setBoth(Impairment.NONE);
        assertTrue(roundTripNanos(10) > 0);
        assertEquals(1, relay.dropped());
    }

    @Test
    void burstLossComesInRuns() throws Exception {
        startRelay(Impairment.NONE.withBurstLoss(0.05, 0.3, 1.0), Impairment.NONE);
        client.setSoTimeout(150);
        int runs = 0;
        int lost = 0;
        boolean prevLost = false;
        for (int i = 0; i < 400; i++) {
            client.send(new DatagramPacket(new byte[20], 20, relay.localAddress()));
            boolean l;
            try {
                client.receive(new DatagramPacket(new byte[100], 100));
                l = false;
            } catch (SocketTimeoutException e) {
                l = true;
            }
            if (l) {
                lost++;
                if (!prevLost) runs++;
            }
            prevLost = l;
        }
        assertTrue(lost > 20, "some loss: " + lost);
        assertTrue((double) lost / runs > 2.0, "losses come in runs: " + lost + " losses in " + runs + " runs");
    }
}
