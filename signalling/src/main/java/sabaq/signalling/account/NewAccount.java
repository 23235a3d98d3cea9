package sabaq.signalling.account;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A validated request to create an account: personal data, the initial password (null: generate one) and the roles
 * to grant in the organisation.
 */
public record NewAccount(String login, String displayName, String email, LocalDate birthDate, String initialPassword,
                         List<RoleSpec> roles) {
    public NewAccount {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(displayName, "displayName");
        roles = List.copyOf(roles);
    }
}
