package sabaq.media.sdp;

import java.util.Objects;

/**
 * One {@code a=} line (RFC 8866 section 5.13): {@code a=<name>} (a flag, {@code value} is null) or
 * {@code a=<name>:<value>}. Every attribute is kept, including the ones this package does not interpret.
 */
public record Attribute(String name, String value) {
    public Attribute {
        Objects.requireNonNull(name, "name");
    }

    /** True for a property attribute such as {@code a=rtcp-mux}, which has no value. */
    public boolean isFlag() {
        return value == null;
    }
}
