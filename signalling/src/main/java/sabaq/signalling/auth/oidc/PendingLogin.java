package sabaq.signalling.auth.oidc;

import java.util.Objects;

/**
 * An OpenID Connect login between the redirect to the provider and its answer: the provider, the {@code nonce} the
 * id_token must carry, the PKCE {@code code_verifier} (RFC 7636), the SHA-256 of the browser-binding cookie, and the
 * page to return to.
 */
public record PendingLogin(String provider, String nonce, String verifier, byte[] bindingHash, String returnTo) {
    public PendingLogin {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(verifier, "verifier");
        Objects.requireNonNull(bindingHash, "bindingHash");
        Objects.requireNonNull(returnTo, "returnTo");
        bindingHash = bindingHash.clone();
    }

    @Override
    public byte[] bindingHash() {
        return bindingHash.clone();
    }
}
