package io.github.foundryagents.testkit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a {@link FakeFoundry} as a standalone process so tests in any language can use it:
 * {@code java -cp ... io.github.foundryagents.testkit.FakeFoundryMain --port 8080 --deployment my-gpt=gpt-4o-2024-11-20}.
 * Prints the endpoint and serves until the process is stopped.
 */
public final class FakeFoundryMain {

    private FakeFoundryMain() {
    }

    /**
     * @param args {@code --port N} (default 0: a free port), {@code --deployment name=model} (repeatable, in
     *     addition to gpt-4o and gpt-4o-mini), {@code --api-key KEY} (accept only this key), {@code --quota name=TPM}
     *     (repeatable: that deployment's tokens per minute, 6 RPM per 1,000), {@code --minute-ms N} (scale the
     *     quota minute down for fast tests)
     * @throws InterruptedException when interrupted while serving
     */
    public static void main(String[] args) throws InterruptedException {
        FakeFoundry.Builder builder = FakeFoundry.builder();
        Map<String, Long> quotas = new LinkedHashMap<>();
        Duration minute = Duration.ofMinutes(1);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (arg) {
                case "--port" -> builder.port(Integer.parseInt(require(arg, value)));
                case "--deployment" -> {
                    String[] parts = require(arg, value).split("=", 2);
                    builder.deployment(parts[0], parts.length == 2 ? parts[1] : parts[0]);
                }
                case "--api-key" -> builder.requireApiKey(require(arg, value));
                case "--quota" -> {
                    String[] parts = require(arg, value).split("=", 2);
                    if (parts.length != 2) {
                        throw new IllegalArgumentException("--quota needs name=TPM, got " + value);
                    }
                    quotas.put(parts[0], Long.parseLong(parts[1]));
                }
                case "--minute-ms" -> minute = Duration.ofMillis(Long.parseLong(require(arg, value)));
                case "--help", "-h" -> {
                    System.out.println("usage: FakeFoundryMain [--port N] [--deployment name=model]... [--api-key KEY]"
                            + " [--quota name=TPM]... [--minute-ms N]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + arg + " (try --help)");
            }
            i++;
        }
        for (Map.Entry<String, Long> q : quotas.entrySet()) {
            builder.quota(q.getKey(), Quota.tpm(q.getValue()).window(minute));
        }
        FakeFoundry fake = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(fake::close));
        System.out.println("FakeFoundry listening on " + fake.endpoint()
                + " (Azure OpenAI chat completions; set AZURE_OPENAI_ENDPOINT=" + fake.endpoint() + "; Agent Service:"
                + " set PROJECT_ENDPOINT=" + fake.projectEndpoint() + ")");
        new CountDownLatch(1).await();
    }

    private static String require(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
