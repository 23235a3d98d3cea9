package sabaq.signalling.audit;

import sabaq.signalling.account.Account;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The personal-data fields that differ between two versions of an account, as audit {@link FieldChange}s with before
 * and after values. Secrets (password hash, TOTP keys) appear only as redacted "changed" markers.
 */
public final class AccountChanges {
    private AccountChanges() {
    }

    /** Changes from {@code before} (null: created) to {@code after} (null: deleted). */
    public static List<FieldChange> diff(Account before, Account after) {
        List<FieldChange> out = new ArrayList<>();
        field(out, "login", before == null ? null : before.login(), after == null ? null : after.login());
        field(out, "displayName", before == null ? null : before.displayName(), after == null ? null : after.displayName());
        field(out, "email", before == null ? null : before.email(), after == null ? null : after.email());
        field(out, "birthDate", before == null ? null : before.birthDate(), after == null ? null : after.birthDate());
        field(out, "status", before == null ? null : before.status().wireName(), after == null ? null : after.status().wireName());
        field(out, "mfaWaivedBy", before == null ? null : before.mfaWaivedBy(), after == null ? null : after.mfaWaivedBy());
        field(out, "oidcIssuer", before == null ? null : before.oidcIssuer(), after == null ? null : after.oidcIssuer());
        field(out, "oidcSubject", before == null ? null : before.oidcSubject(), after == null ? null : after.oidcSubject());
        if (before != null && after != null) {
            if (!Objects.equals(before.passwordHash(), after.passwordHash())) out.add(FieldChange.redacted("password"));
            if (before.mustChangePassword() != after.mustChangePassword()) {
                out.add(FieldChange.of("mustChangePassword", before.mustChangePassword(), after.mustChangePassword()));
            }
            if (!java.util.Arrays.equals(before.totpSecret(), after.totpSecret())) out.add(FieldChange.redacted("totp"));
        } else if (after != null && after.passwordHash() != null) {
            out.add(FieldChange.redacted("password"));
        }
        return out;
    }

    private static void field(List<FieldChange> out, String name, Object before, Object after) {
        if (!Objects.equals(before, after)) out.add(FieldChange.of(name, before, after));
    }
}
