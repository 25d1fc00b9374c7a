package io.github.foundryagents.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Every request the fake received, in arrival order. Thread-safe.
 */
public final class RequestJournal {

    private final List<RecordedRequest> requests = new ArrayList<>();

    synchronized void record(RecordedRequest request) {
        requests.add(request);
    }

    /** @return a snapshot of all requests so far */
    public synchronized List<RecordedRequest> all() {
        return List.copyOf(requests);
    }

    /**
     * @param filter which requests to keep
     * @return a snapshot of the matching requests
     */
    public synchronized List<RecordedRequest> matching(Predicate<RecordedRequest> filter) {
        return requests.stream().filter(filter).toList();
    }

    /** @return the chat-completion requests so far */
    public List<RecordedRequest> chatRequests() {
        return matching(r -> r.path().endsWith("/chat/completions"));
    }

    /** @return the number of requests so far */
    public synchronized int count() {
        return requests.size();
    }

    /**
     * @return the latest request
     * @throws IllegalStateException when there was none
     */
    public synchronized RecordedRequest last() {
        if (requests.isEmpty()) {
            throw new IllegalStateException("the fake has received no request");
        }
        return requests.get(requests.size() - 1);
    }

    /** Forgets every request. */
    public synchronized void clear() {
        requests.clear();
    }
}
