package io.github.foundryagents.redis.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Node side of the interop checks (foundry-agents-redis-queue/interop): installs the pinned bullmq from
 * package-lock.json with {@code npm ci} on first use, then runs scripts and returns their standard output.
 */
public final class Node {

    private static final Path DIR = Path.of("interop").toAbsolutePath();
    private static boolean installed;

    private Node() {
    }

    /** @return the interop directory, with bullmq installed */
    public static synchronized Path interopDir() {
        if (!installed) {
            if (!Files.isDirectory(DIR.resolve("node_modules/bullmq"))) {
                run(DIR, 300, "npm", "ci", "--no-audit", "--no-fund");
            }
            installed = true;
        }
        return DIR;
    }

    /**
     * @param script a script in the interop directory
     * @param args its arguments
     * @return its standard output, lines
     */
    public static List<String> script(String script, String... args) {
        List<String> cmd = new ArrayList<>(List.of("node", script));
        cmd.addAll(List.of(args));
        return run(interopDir(), 120, cmd.toArray(String[]::new));
    }

    private static List<String> run(Path dir, int timeoutSeconds, String... command) {
        try {
            File out = File.createTempFile("node-out", ".txt");
            File err = File.createTempFile("node-err", ".txt");
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out).redirectError(err)
                    .start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " timed out; stderr: "
                        + Files.readString(err.toPath()));
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited " + p.exitValue() + ": "
                        + Files.readString(err.toPath()) + Files.readString(out.toPath()));
            }
            List<String> lines = Files.readAllLines(out.toPath(), StandardCharsets.UTF_8);
            out.delete();
            err.delete();
            return lines;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command) + " (Node 20+ and npm are"
                    + " needed for the BullMQ interop tests)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
