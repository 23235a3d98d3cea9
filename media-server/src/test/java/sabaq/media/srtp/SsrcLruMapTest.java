package sabaq.media.srtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class SsrcLruMapTest {

    /** The reference: an access-ordered LinkedHashMap that drops its eldest entry beyond the bound. */
    private static Map<Integer, Integer> model(int maxSize) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, Integer> eldest) {
                return size() > maxSize;
            }
        };
    }

    @Test
    void evictsTheLeastRecentlyUsed() {
        SsrcLruMap<String> map = new SsrcLruMap<>(3);
        map.put(1, "a");
        map.put(2, "b");
        map.put(3, "c");
        assertEquals("a", map.get(1));
        map.put(4, "d");
        assertNull(map.get(2));
        assertEquals("a", map.get(1));
        assertEquals("c", map.get(3));
        assertEquals("d", map.get(4));
        assertEquals(3, map.size());
        assertEquals(1, map.evictions());
        map.put(3, "c2");
        assertEquals("c2", map.get(3));
        assertEquals(3, map.size());
    }

    @Test
    void behavesLikeALinkedHashMapUnderRandomOperations() {
        Random random = new Random(3550L);
        for (int maxSize : new int[] {1, 2, 7, 256}) {
            SsrcLruMap<Integer> map = new SsrcLruMap<>(maxSize);
            Map<Integer, Integer> model = model(maxSize);
            int keySpace = maxSize * 3;
            for (int i = 0; i < 50_000; i++) {
                // Colliding keys (multiples of the table size) exercise probing and backward-shift deletion.
                int key = random.nextBoolean() ? random.nextInt(keySpace) : random.nextInt(keySpace) * 1024;
                switch (random.nextInt(4)) {
                    case 0:
                        map.put(key, i);
                        model.put(key, i);
                        break;
                    case 1:
                        map.remove(key);
                        model.remove(key);
                        break;
                    default:
                        assertEquals(model.get(key), map.get(key), "get " + key + " at step " + i);
                        break;
                }
                assertEquals(model.size(), map.size());
            }
            for (Map.Entry<Integer, Integer> e : model.entrySet()) {
                assertEquals(e.getValue(), map.get(e.getKey()));
            }
        }
    }
}
