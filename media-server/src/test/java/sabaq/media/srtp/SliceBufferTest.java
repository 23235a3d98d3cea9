package sabaq.media.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SliceBufferTest {

    @Test
    void appendsInPlaceWithinTheCallersArray() {
        byte[] array = new byte[10];
        SliceBuffer slice = new SliceBuffer();
        slice.wrap(array, 2, 3);
        assertFalse(slice.isInvalid());
        slice.grow(5);
        assertEquals(3, slice.getLength(), "grow reserves, it does not lengthen");
        slice.append(new byte[] {7, 8, 9}, 2);
        assertSame(array, slice.getBuffer());
        assertEquals(5, slice.getLength());
        assertEquals(7, array[5]);
        assertEquals(8, array[6]);
        byte[] out = new byte[2];
        slice.readRegionToBuff(3, 2, out);
        assertArrayEquals(new byte[] {7, 8}, out);
        slice.shrink(2);
        assertEquals(3, slice.getLength());
        assertThrows(IllegalStateException.class, () -> slice.grow(6));
        assertThrows(IllegalArgumentException.class, () -> slice.shrink(4));
        slice.release();
        assertTrue(slice.isInvalid());
    }
}
