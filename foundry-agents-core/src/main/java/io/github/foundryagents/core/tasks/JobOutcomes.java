package io.github.foundryagents.core.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.foundryagents.core.http.Json;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Turns what handlers return and throw into what queues store: JSON return values, error messages and stack
 * traces. Robust against hostile throwables (a {@code getMessage()} that throws, cyclic causes, huge traces),
 * because a worker must always be able to record a failure. Stateless.
 */
final class JobOutcomes {

    /** Longest stack trace stored per failure, in characters. */
    static final int MAX_STACK_CHARS = 8_192;
    private static final int MAX_CAUSES = 8;

    private JobOutcomes() {
    }

    /**
     * @param value a handler's return value or a progress value
     * @return its JSON text
     * @throws UnrecoverableJobException when Jackson cannot write it
     */
    static String toJson(Object value) {
        if (value instanceof JsonNode node) {
            return node.toString();
        }
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new UnrecoverableJobException("the value of type " + value.getClass().getName()
                    + " cannot be written as JSON (" + e.getClass().getSimpleName() + "): return a record, a Map,"
                    + " a String or a JsonNode", e);
        }
    }

    /**
     * @param error anything thrown
     * @return its message, or its class name when it has none or reading it fails
     */
    static String message(Throwable error) {
        try {
            String m = error.getMessage();
            return m == null || m.isBlank() ? error.getClass().getName() : m;
        } catch (Throwable unreadable) {
            return error.getClass().getName() + " (its message could not be read: "
                    + unreadable.getClass().getName() + ")";
        }
    }

    /**
     * @param error anything thrown
     * @return a stack trace in Java's usual form, causes included, at most {@value #MAX_STACK_CHARS} characters
     */
    static String stackTrace(Throwable error) {
        StringBuilder sb = new StringBuilder();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Throwable t = error;
        for (int depth = 0; t != null && depth < MAX_CAUSES && seen.add(t); depth++) {
            sb.append(depth == 0 ? "" : "Caused by: ").append(t.getClass().getName()).append(": ")
                    .append(message(t)).append('\n');
            StackTraceElement[] frames = frames(t);
            for (StackTraceElement frame : frames) {
                sb.append("\tat ").append(frame).append('\n');
                if (sb.length() > MAX_STACK_CHARS) {
                    return sb.substring(0, MAX_STACK_CHARS);
                }
            }
            t = cause(t);
        }
        return sb.length() > MAX_STACK_CHARS ? sb.substring(0, MAX_STACK_CHARS) : sb.toString();
    }

    private static StackTraceElement[] frames(Throwable t) {
        try {
            return t.getStackTrace();
        } catch (Throwable unreadable) {
            return new StackTraceElement[0];
        }
    }

    private static Throwable cause(Throwable t) {
        try {
            return t.getCause();
        } catch (Throwable unreadable) {
            return null;
        }
    }
}
