package io.github.foundryagents.spring.web;

import java.util.List;

/** A submission that cannot be accepted: answered 400 with every field error at once. */
final class InvalidTaskException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<FieldError> errors;

    InvalidTaskException(List<FieldError> errors) {
        super("invalid task: " + errors);
        this.errors = List.copyOf(errors);
    }

    List<FieldError> errors() {
        return errors;
    }
}
