package sabaq.signalling.auth;

/** Where a role must be held for an {@link Action} to be allowed (docs/security.md, column "scope"). */
public enum Scope {
    /** The person's own account: every signed-in person, with or without roles. */
    SELF,
    /** An administrator of the platform organisation. */
    PLATFORM,
    /** The role held in the target organisation (in any of its groups or for the whole of it). */
    ORGANISATION,
    /** The role held for the target group, or for the whole of its organisation. */
    GROUP,
    /** A parent, for a child linked to them. */
    OWN_CHILD,
    /** The role held anywhere (server-wide functions such as operations monitoring). */
    ANYWHERE
}
