package io.github.foundryagents.spring.web;

/** The request carries no authenticated user. */
final class UnauthenticatedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UnauthenticatedException() {
        super("This API needs an authenticated user: sign in with the application's authentication");
    }
}
