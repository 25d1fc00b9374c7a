package io.github.foundryagents.core;

/**
 * The identity is authenticated but lacks a role on the resource (HTTP 403), typically `Cognitive Services OpenAI User` on the account or `Azure AI User` on the project. Not retryable.
 */
public class PermissionDeniedException extends FoundryServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong and how to fix it
     * @param error what Azure answered
     */
    public PermissionDeniedException(String message, ServiceError error) {
        super(message, error, false);
    }
}
