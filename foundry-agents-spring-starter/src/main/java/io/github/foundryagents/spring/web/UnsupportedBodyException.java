package io.github.foundryagents.spring.web;

/** The body is not declared as JSON. */
final class UnsupportedBodyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UnsupportedBodyException(String contentType) {
        super("The body must be application/json, got " + (contentType == null ? "no Content-Type" : contentType));
    }
}
