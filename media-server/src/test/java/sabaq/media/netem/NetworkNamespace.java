package sabaq.media.netem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A network namespace for one test host, joined to the root namespace by a veth pair on a private /30
 * (10.77.N.1 here, 10.77.N.2 inside), made with iproute2 (this kernel has neither netem nor tc actions, so
 * cuts and firewalls are blackhole routes and rules). There is no default route: from inside, only the host's
 * address on this link is reachable, so a browser in it can use only what the test announces on that address. Offers the kernel tools this machine has: a {@code tbf}
 * rate cap, and a {@code tc} filter that drops all UDP (a "firewall that blocks UDP"). Needs root; {@link #create}
 * fails with a clear message otherwise. {@link #close()} removes everything.
 */
public final class NetworkNamespace implements AutoCloseable {
    private static final AtomicInteger NEXT = new AtomicInteger((int) (ProcessHandle.current().pid() % 200));

    private final String name;
    private final String hostSide;
    private final String nsSide;
    private final String hostIp;
    private final String nsIp;
    private boolean closed;

    private NetworkNamespace(String name, String hostSide, String nsSide, String hostIp, String nsIp) {
        this.name = name;
        this.hostSide = hostSide;
        this.nsSide = nsSide;
        this.hostIp = hostIp;
        this.nsIp = nsIp;
    }

    public static NetworkNamespace create() {
        int n = NEXT.getAndIncrement() % 250 + 1;
        String name = "sabaq" + n;
        String host = "sbqh" + n;
        String ns = "sbqn" + n;
        String hostIp = "10.77." + n + ".1";
        String nsIp = "10.77." + n + ".2";
        NetworkNamespace created = new NetworkNamespace(name, host, ns, hostIp, nsIp);
        run(List.of("ip", "netns", "del", name), true);
        run(List.of("ip", "link", "del", host), true);
        try {
            run(List.of("ip", "netns", "add", name), false);
            run(List.of("ip", "link", "add", host, "type", "veth", "peer", "name", ns), false);
            run(List.of("ip", "link", "set", ns, "netns", name), false);
            run(List.of("ip", "addr", "add", hostIp + "/30", "dev", host), false);
            run(List.of("ip", "link", "set", host, "up"), false);
            created.exec(List.of("ip", "addr", "add", nsIp + "/30", "dev", ns));
            created.exec(List.of("ip", "link", "set", ns, "up"));
            created.exec(List.of("ip", "link", "set", "lo", "up"));
        } catch (RuntimeException e) {
            created.close();
            throw e;
        }
        return created;
    }

    public String name() {
        return name;
    }

    /** Our address on the link, as seen from inside the namespace. */
    public String hostIp() {
        return hostIp;
    }

    /** The namespace's own address. */
    public String namespaceIp() {
        return nsIp;
    }

    /** The command line prefix that runs a program inside the namespace. */
    public List<String> execPrefix() {
        return List.of("ip", "netns", "exec", name);
    }

    public void exec(List<String> command) {
        List<String> full = new ArrayList<>(execPrefix());
        full.addAll(command);
        run(full, false);
    }

    /** Caps traffic into the namespace (host → namespace) with a kernel token bucket. */
    public void capDownlink(long bps) {
        run(List.of("tc", "qdisc", "replace", "dev", hostSide, "root", "tbf", "rate", bps + "bit", "burst", "8kb",
                "latency", "200ms"), false);
    }

    public void uncapDownlink() {
        run(List.of("tc", "qdisc", "del", "dev", hostSide, "root"), true);
    }

    /** Drops every UDP packet leaving the namespace (a network that allows only TCP): a policy-routing blackhole. */
    public void blockUdp() {
        exec(List.of("ip", "rule", "add", "ipproto", "udp", "blackhole", "prio", "100"));
    }

    /**
     * Drops every packet in both directions (the cable is pulled) until {@link #restore()}, changing only the
     * namespace (a change in the root namespace makes every browser there see ERR_NETWORK_CHANGED): a blackhole
     * route to the host drops what leaves, and strict reverse-path filtering drops what arrives from it.
     */
    public void cut() {
        exec(List.of("sysctl", "-qw", "net.ipv4.conf.all.rp_filter=1", "net.ipv4.conf." + nsSide + ".rp_filter=1"));
        exec(List.of("ip", "route", "add", "blackhole", hostIp + "/32"));
    }

    public void restore() {
        run(List.of("ip", "netns", "exec", name, "ip", "route", "del", "blackhole", hostIp + "/32"), true);
    }

    static String run(List<String> command, boolean ignoreFailure) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", command));
            }
            if (p.exitValue() != 0 && !ignoreFailure) {
                throw new IllegalStateException("failed (" + p.exitValue() + "): " + String.join(" ", command) + ": "
                        + out.trim() + (ProcessHandle.current().info().user().orElse("").equals("root") ? ""
                        : " — network namespace tests need root (./sabaq test as root)"));
            }
            return out;
        } catch (IOException e) {
            if (ignoreFailure) return "";
            throw new IllegalStateException("cannot run " + command.get(0) + " (iproute2 is needed): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        restore();
        run(List.of("ip", "link", "del", hostSide), true);
        run(List.of("ip", "netns", "del", name), true);
    }
}
