package io.github.foundryagents.core.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.concurrent.LinkedBlockingQueue;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * An {@link InputStream} over a response body {@link Flux} that hands bytes to the reader as they arrive, instead
 * of buffering the whole body first (which is what azure-core's {@code BinaryData} does with Netty). Closing it
 * cancels the body, which releases the connection and wakes a blocked reader. Meant for event streams, whose
 * chunks are small; one reader thread.
 */
final class ByteBufferQueueStream extends InputStream {

    private static final ByteBuffer END = ByteBuffer.allocate(0);

    private final LinkedBlockingQueue<Object> chunks = new LinkedBlockingQueue<>();
    private final Disposable subscription;
    private ByteBuffer current = ByteBuffer.allocate(0);
    private volatile boolean closed;
    private boolean ended;

    ByteBufferQueueStream(Flux<ByteBuffer> body) {
        this.subscription = body.subscribe(
                buffer -> {
                    ByteBuffer copy = ByteBuffer.allocate(buffer.remaining());
                    copy.put(buffer).flip();
                    chunks.add(copy);
                },
                chunks::add,
                () -> chunks.add(END));
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!current.hasRemaining()) {
            if (ended) {
                return -1;
            }
            if (closed) {
                throw new IOException("the stream was closed");
            }
            Object next;
            try {
                next = chunks.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the next event");
            }
            if (next == END) {
                ended = !closed;
                if (closed) {
                    throw new IOException("the stream was closed");
                }
            } else if (next instanceof Throwable t) {
                throw new IOException("the response body failed: " + t.getMessage(), t);
            } else {
                current = (ByteBuffer) next;
            }
        }
        int n = Math.min(len, current.remaining());
        current.get(b, off, n);
        return n;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            subscription.dispose();
            chunks.add(END);
        }
    }
}
