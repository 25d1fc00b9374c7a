package io.github.foundryagents.core;

/**
 * No Microsoft Entra ID token could be obtained, so nothing was sent to Azure. Typical causes: running locally
 * without {@code az login}, a managed identity that is not assigned to the host, or an {@code AZURE_CLIENT_ID}
 * that names another identity. Not retryable as is.
 */
public class CredentialUnavailableException extends FoundryException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong and how to fix it
     * @param cause the credential's failure
     */
    public CredentialUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
