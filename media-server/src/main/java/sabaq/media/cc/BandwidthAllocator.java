package sabaq.media.cc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits one subscriber's bandwidth estimate across what it receives: audio first (always), then video in priority
 * order (the teacher's screen and camera before students), each first at its lowest simulcast layer and then upgraded
 * layer by layer while the budget lasts. Only the {@code lastN} highest-priority videos get any video; below
 * {@code audioOnlyBelowBps}, or when the subscriber asked for audio only, all video pauses. Upgrading needs 10 %
 * headroom over the layer's measured bitrate, keeping a layer does not, so the choice does not flap. Pure logic.
 */
public final class BandwidthAllocator {
    /** Below this a measured layer bitrate is not trusted (layer just started); a nominal minimum is used. */
    static final long MIN_LAYER_BPS = 30_000;
    static final double UPGRADE_HEADROOM = 1.1;

    /** One video track the subscriber may receive. {@code layerBps[i]} is 0 for an inactive layer. */
    public record VideoDemand(Object key, int priority, long[] layerBps) {
        int topActiveLayer() {
            for (int i = layerBps.length - 1; i >= 0; i--) if (layerBps[i] > 0) return i;
            return -1;
        }

        /**
         * What a layer costs: its measured bitrate, but at least twice the layer below it (each simulcast layer has
         * four times the pixels), so a layer that has just started and is still ramping up is not taken for cheap.
         */
        long cost(int layer) {
            if (layer < 0) return 0;
            long below = 0;
            for (int i = layer - 1; i >= 0; i--) {
                if (layerBps[i] > 0) {
                    below = cost(i);
                    break;
                }
            }
            return Math.max(Math.max(MIN_LAYER_BPS, layerBps[layer]), 2 * below);
        }

        int nextActiveAbove(int layer) {
            for (int i = layer + 1; i < layerBps.length; i++) if (layerBps[i] > 0) return i;
            return -1;
        }
    }

    /**
     * @param layers    chosen layer per key; -1 = paused
     * @param desiredBps what everything at its top layer would need (drives probing)
     * @param allocatedBps what the chosen layers use
     */
    public record Allocation(Map<Object, Integer> layers, long desiredBps, long allocatedBps, boolean audioOnly) {
        public int layer(Object key) {
            return layers.getOrDefault(key, -1);
        }
    }

    private BandwidthAllocator() {
    }

    public static Allocation allocate(long budgetBps, long audioBps, List<VideoDemand> videos, int lastN,
                                      boolean audioOnlyRequested, long audioOnlyBelowBps, Map<Object, Integer> current) {
        List<VideoDemand> ordered = new ArrayList<>(videos);
        ordered.sort(Comparator.comparingInt(VideoDemand::priority).reversed());
        Map<Object, Integer> result = new HashMap<>();
        for (VideoDemand v : ordered) result.put(v.key(), -1);
        long desired = audioBps;
        int considered = Math.min(Math.max(lastN, 0), ordered.size());
        for (int i = 0; i < considered; i++) {
            VideoDemand v = ordered.get(i);
            int top = v.topActiveLayer();
            if (top >= 0) desired += v.cost(top);
        }
        boolean audioOnly = audioOnlyRequested || budgetBps < audioOnlyBelowBps;
        if (audioOnly) {
            return new Allocation(result, audioOnlyRequested ? audioBps : desired, audioBps, true);
        }
        long remaining = budgetBps - audioBps;
        // Pass 1: the lowest layer of each video, in priority order. The most important video (the teacher) keeps its
        // lowest layer whenever the line is above the audio-only threshold, even if that layer needs a little more.
        boolean first = true;
        for (int i = 0; i < considered; i++) {
            VideoDemand v = ordered.get(i);
            int low = v.nextActiveAbove(-1);
            if (low < 0) continue;
            long cost = v.cost(low);
            boolean had = current.getOrDefault(v.key(), -1) >= 0;
            boolean mustHave = first;
            first = false;
            if (mustHave || remaining >= (had ? cost : (long) (cost * UPGRADE_HEADROOM))) {
                result.put(v.key(), low);
                remaining -= cost;
            }
        }
        // Pass 2: upgrade layer by layer, highest priority first.
        for (int i = 0; i < considered; i++) {
            VideoDemand v = ordered.get(i);
            int layer = result.get(v.key());
            if (layer < 0) continue;
            int was = current.getOrDefault(v.key(), -1);
            while (true) {
                int next = v.nextActiveAbove(layer);
                if (next < 0) break;
                long extra = v.cost(next) - v.cost(layer);
                long need = next <= was ? extra : (long) (v.cost(next) * UPGRADE_HEADROOM) - v.cost(layer);
                if (remaining < need) break;
                remaining -= extra;
                layer = next;
            }
            result.put(v.key(), layer);
        }
        return new Allocation(result, desired, Math.max(budgetBps - remaining, 0), false);
    }
}
