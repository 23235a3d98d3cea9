package sabaq.common.footprint;

import java.util.Locale;
import java.util.Optional;

/**
 * The kind of programme, which decides the rule its hours are checked against: an online TVET programme must deliver
 * at least 30 % of its academic hours synchronously; a full-time TVET programme may move at most 20 % of its hours to
 * distance learning; school programmes have neither rule. In both rules practice hours (industrial training and
 * professional practice) are left out of the base.
 */
public enum ProgrammeKind {
    ONLINE_TVET, FULL_TIME_TVET, SCHOOL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<ProgrammeKind> fromWire(String s) {
        if (s == null) return Optional.empty();
        for (ProgrammeKind k : values()) if (k.wireName().equals(s)) return Optional.of(k);
        return Optional.empty();
    }
}
