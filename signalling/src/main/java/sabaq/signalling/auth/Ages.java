package sabaq.signalling.auth;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;

/** Ages in whole years (a person is 16 from their 16th birthday on), by the UTC date of an instant. */
public final class Ages {
    private Ages() {
    }

    public static LocalDate today(long epochMillis) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
    }

    /** Full years between the birth date and {@code today}; -1 for a birth date after today. */
    public static int years(LocalDate birthDate, LocalDate today) {
        if (birthDate.isAfter(today)) return -1;
        return Period.between(birthDate, today).getYears();
    }
}
