package sabaq.media.dtls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SrtpKeyMaterialTest {

    private static byte[] counting(int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void exporterOutputIsSplitClientKeyServerKeyClientSaltServerSalt(SrtpProfile profile) {
        int k = profile.keyLength();
        int s = profile.saltLength();
        byte[] exported = counting(profile.keyingMaterialLength());
        SrtpKeyMaterial keys = SrtpKeyMaterial.fromExporter(profile, exported);
        assertEquals(profile, keys.profile());
        assertArrayEquals(Arrays.copyOfRange(exported, 0, k), keys.clientKey());
        assertArrayEquals(Arrays.copyOfRange(exported, k, 2 * k), keys.serverKey());
        assertArrayEquals(Arrays.copyOfRange(exported, 2 * k, 2 * k + s), keys.clientSalt());
        assertArrayEquals(Arrays.copyOfRange(exported, 2 * k + s, 2 * k + 2 * s), keys.serverSalt());
    }

    @Test
    void profilesCarryRfcIdsAndLengths() {
        assertEquals(1, SrtpProfile.AES_CM_128_HMAC_SHA1_80.protectionProfileId());
        assertEquals(60, SrtpProfile.AES_CM_128_HMAC_SHA1_80.keyingMaterialLength());
        assertEquals(7, SrtpProfile.AEAD_AES_128_GCM.protectionProfileId());
        assertEquals(56, SrtpProfile.AEAD_AES_128_GCM.keyingMaterialLength());
        assertEquals(SrtpProfile.AEAD_AES_128_GCM, SrtpProfile.byProtectionProfileId(7).orElseThrow());
        assertFalse(SrtpProfile.byProtectionProfileId(2).isPresent());
    }

    @Test
    void wrongLengthsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> SrtpKeyMaterial.fromExporter(SrtpProfile.AEAD_AES_128_GCM, new byte[60]));
        assertThrows(IllegalArgumentException.class, () -> new SrtpKeyMaterial(SrtpProfile.AEAD_AES_128_GCM,
                new byte[16], new byte[14], new byte[16], new byte[12]));
    }

    @Test
    void valueSemanticsAndDefensiveCopies() {
        byte[] exported = counting(56);
        SrtpKeyMaterial a = SrtpKeyMaterial.fromExporter(SrtpProfile.AEAD_AES_128_GCM, exported);
        SrtpKeyMaterial b = SrtpKeyMaterial.fromExporter(SrtpProfile.AEAD_AES_128_GCM, exported.clone());
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        a.clientKey()[0] = 99;
        assertEquals(a, b);
        exported[0] = 99;
        assertNotEquals(a, SrtpKeyMaterial.fromExporter(SrtpProfile.AEAD_AES_128_GCM, exported));
        assertFalse(a.toString().contains("0, 1, 2"), a.toString());
    }
}
