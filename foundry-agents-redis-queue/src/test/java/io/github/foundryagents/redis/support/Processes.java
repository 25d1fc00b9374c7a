package io.github.foundryagents.redis.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the command-line tools the interop tests drive (npm, node, bash) and returns their standard output. */
public final class Processes {

    private Processes() {
    }

    /**
     * @param dir the working directory
     * @param timeoutSeconds how long the command may take
     * @param command the command and its arguments
     * @return its standard output, as lines
     * @throws IllegalStateException when it fails, times out or cannot start (with its output)
     */
    public static List<String> run(Path dir, int timeoutSeconds, String... command) {
        try {
            File out = File.createTempFile("process-out", ".txt");
            File err = File.createTempFile("process-err", ".txt");
            try {
                Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out)
                        .redirectError(err).start();
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " timed out; stderr: "
                            + Files.readString(err.toPath()));
                }
                if (p.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " exited " + p.exitValue() + ": "
                            + Files.readString(err.toPath()) + Files.readString(out.toPath()));
                }
                return Files.readAllLines(out.toPath(), StandardCharsets.UTF_8);
            } finally {
                out.delete();
                err.delete();
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command) + " (the interop tests need"
                    + " bash, Node 20+ and npm)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
