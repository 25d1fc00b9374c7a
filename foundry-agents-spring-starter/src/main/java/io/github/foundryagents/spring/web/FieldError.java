package io.github.foundryagents.spring.web;

/**
 * One reason a task was refused, reported in the {@code errors} member of the problem document.
 *
 * @param field the JSON member at fault ({@code prompt}, {@code context}, {@code webhookUrl}), or empty for the body
 * @param message what is wrong and what is accepted
 */
public record FieldError(String field, String message) {
}
