package sabaq.signalling.auth;

/**
 * Everything a signed-in person can ask of the HTTP API; {@link AccessPolicy} says which roles may, and where. The
 * wire name (lower case, dashes) is the one used in docs/security.md and in the failed-access log. WebSocket lesson
 * actions have their own table (docs/protocol.md section 2.5, {@code sabaq.signalling.lesson.Permissions}).
 */
public enum Action {
    PROFILE_READ,
    PROFILE_UPDATE,
    PASSWORD_CHANGE,
    ORG_CREATE,
    ORG_READ,
    GROUP_CREATE,
    GROUP_UPDATE,
    GROUP_DELETE,
    GROUP_READ,
    USER_CREATE,
    USER_READ,
    USER_UPDATE,
    USER_DELETE,
    CREDENTIALS_RESET,
    ROLE_GRANT,
    ROLE_REVOKE,
    ROLE_HISTORY_READ,
    PARENT_LINK,
    USER_IMPORT,
    DATA_EXPORT,
    AUDIT_READ,
    FAILED_ACCESS_READ,
    CHILDREN_READ,
    CHILD_MFA_CONSENT,
    LESSON_CREATE,
    LESSON_LIST,
    LESSON_JOIN,
    OPS_READ,
    FOOTPRINT_READ,
    FOOTPRINT_OWN_READ,
    FOOTPRINT_CHILD_READ,
    CURRICULUM_READ,
    CURRICULUM_WRITE,
    STUDIO_EDIT,
    CATALOG_READ;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
