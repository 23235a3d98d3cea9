package sabaq.signalling.account;

import java.time.LocalDate;
import java.util.List;

/** One validated row of a user import. */
record ImportRow(int row, String login, String displayName, String email, LocalDate birthDate, List<AccountRole> roles,
                 String groupName, String parentLogin, String password) {
}
