package io.github.foundryagents.spring.web;

/** No task with this id belongs to the caller (absent or someone else's: the answer is the same 404). */
final class TaskNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    TaskNotFoundException(String taskId) {
        super("No task " + taskId + " for this user");
    }
}
