package io.github.foundryagents.examples;

import com.sun.net.httpserver.HttpServer;
import io.github.foundryagents.core.config.Secret;
import io.github.foundryagents.core.tasks.AgentTaskRunners;
import io.github.foundryagents.core.tasks.AgentTaskService;
import io.github.foundryagents.core.tasks.InMemoryTaskQueue;
import io.github.foundryagents.core.tasks.InMemoryTaskStore;
import io.github.foundryagents.core.tasks.TaskRecord;
import io.github.foundryagents.core.tasks.TaskStatus;
import io.github.foundryagents.core.tasks.Tier;
import io.github.foundryagents.core.tasks.Worker;
import io.github.foundryagents.core.tasks.WorkerOptions;
import io.github.foundryagents.core.webhook.WebhookNotifier;
import io.github.foundryagents.core.webhook.WebhookSignature;
import io.github.foundryagents.testkit.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Background tasks: a batch of agent tasks from premium and standard users goes through the task queue (premium
 * first), a worker runs the agent for each, progress is shown as records move forward, and each outcome reaches a
 * signed webhook that a local receiver verifies.
 */
final class TasksStep implements TourStep {

    private static final Secret SECRET = Secret.of("quickstart-webhook-secret");
    private static final int TASKS = 6;

    @Override
    public String name() {
        return "tasks";
    }

    @Override
    public String description() {
        return "a batch of prioritised agent tasks on the queue, their progress, signed webhooks received";
    }

    @Override
    public void run(Tour tour) {
        tour.fake().ifPresent(fake -> fake.chat().respondWith(request -> Reply.text("Report ready: "
                + request.messages().get(request.messages().size() - 1).path("content").asText())));
        AtomicInteger verified = new AtomicInteger();
        HttpServer receiver = receiver(verified);
        // The demo's receiver is on this machine: allow exactly that, over http. The default refuses both.
        WebhookNotifier webhooks = WebhookNotifier.builder().secret(SECRET).allowHttp(true).allow("127.0.0.1/32")
                .build();
        InMemoryTaskStore store = new InMemoryTaskStore();
        AgentTaskService tasks = AgentTaskService.builder().queue(new InMemoryTaskQueue("quickstart-tasks"))
                .store(store).webhooks(webhooks)
                .runner(AgentTaskRunners.toolAgent(tour.client().agent().maxIterations(3).build()))
                .build();
        String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        List<String> ids = new ArrayList<>();
        List<String> owners = new ArrayList<>();
        for (int i = 1; i <= TASKS; i++) {
            boolean premium = i % 2 == 0;
            String owner = premium ? "premium-user" : "standard-user";
            ids.add(tasks.submit(owner, premium ? Tier.PREMIUM : Tier.STANDARD, "Summarise account " + i, null, hook));
            owners.add(owner);
        }
        tour.line("queued " + TASKS + " tasks (premium priority 1, standard 10); one worker takes them in order");
        Worker worker = tasks.startWorker(WorkerOptions.builder().concurrency(1).noLimiter().build());
        try {
            showProgress(tour, tasks, ids, owners, verified);
        } finally {
            worker.close(Duration.ofSeconds(10));
            receiver.stop(0);
        }
        List<TaskRecord> done = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            done.add(tasks.get(owners.get(i), ids.get(i)).orElseThrow());
        }
        done.sort((a, b) -> a.completedAt().compareTo(b.completedAt()));
        tour.line("finished in this order: " + done.stream().map(t -> t.owner().startsWith("premium") ? "P" : "S")
                .reduce("", String::concat) + " (P = premium, S = standard)");
        tour.line("first result: " + done.get(0).result() + " (" + Tour.usage(done.get(0).usage()) + ")");
        tour.line("webhooks received with a valid signature: " + verified.get() + "/" + TASKS);
    }

    private static void showProgress(Tour tour, AgentTaskService tasks, List<String> ids, List<String> owners,
            AtomicInteger verified) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        int lastShown = -1;
        while (System.nanoTime() < deadline) {
            int completed = 0;
            int failed = 0;
            for (int i = 0; i < ids.size(); i++) {
                TaskStatus status = tasks.get(owners.get(i), ids.get(i)).orElseThrow().status();
                completed += status == TaskStatus.COMPLETED ? 1 : 0;
                failed += status == TaskStatus.FAILED ? 1 : 0;
            }
            int finished = completed + failed;
            if (finished != lastShown) {
                tour.line("progress [" + "#".repeat(finished) + ".".repeat(ids.size() - finished) + "] "
                        + completed + " completed, " + failed + " failed");
                lastShown = finished;
            }
            if (finished == ids.size() && verified.get() >= finished) {
                return;
            }
            sleep(50);
        }
        tour.line("(still running after 5 minutes; stopping the demo)");
    }

    private static HttpServer receiver(AtomicInteger verified) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/hook", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                boolean valid = WebhookSignature.verify(SECRET,
                        exchange.getRequestHeaders().getFirst(WebhookNotifier.TIMESTAMP_HEADER), body,
                        exchange.getRequestHeaders().getFirst(WebhookNotifier.SIGNATURE_HEADER), Duration.ofMinutes(5));
                if (valid) {
                    verified.incrementAndGet();
                }
                exchange.sendResponseHeaders(valid ? 204 : 401, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the demo's webhook receiver", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
