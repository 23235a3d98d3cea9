package sabaq.signalling.auth;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AgesTest {
    @Test
    void sixteenFromTheSixteenthBirthdayOn() {
        LocalDate birth = LocalDate.of(2010, 3, 15);
        assertEquals(15, Ages.years(birth, LocalDate.of(2026, 3, 14)));
        assertEquals(16, Ages.years(birth, LocalDate.of(2026, 3, 15)));
        assertEquals(-1, Ages.years(birth, LocalDate.of(2010, 3, 14)));
        assertEquals(0, Ages.years(birth, birth));
        LocalDate leap = LocalDate.of(2008, 2, 29);
        assertEquals(15, Ages.years(leap, LocalDate.of(2024, 2, 28)));
        assertEquals(16, Ages.years(leap, LocalDate.of(2024, 2, 29)));
        assertEquals(LocalDate.of(1970, 1, 1), Ages.today(0L));
    }
}
