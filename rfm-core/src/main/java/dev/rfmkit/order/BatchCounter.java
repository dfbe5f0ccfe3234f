package dev.rfmkit.order;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Counts full batches of included lines into the customers, split into parts by hash: on the caller's
 * thread, or in the background (daemon threads, one per part) while the caller fills the next batches.
 *
 * <p>In the background up to {@link #IN_FLIGHT} batches wait to be counted, so that a pause of a
 * counting thread (a table that grows touches tens of megabytes of fresh memory) does not stop the
 * caller at once: the counting catches up afterwards. Each part counts the batches one at a time and
 * in the order they were filled, so the result is the same as counting them on the caller's thread.
 *
 * <p>Not thread-safe: one caller hands the batches over.
 */
final class BatchCounter {
    /**
     * Full batches handed over and not yet taken back at most, by default (a batch of lines is about
     * 1 MB): enough to ride out the longest pause measured, a table of a million customers growing.
     */
    static final int IN_FLIGHT = 16;

    // daemon threads, ended when idle: an ingestion that is never finished holds none
    private static final ExecutorService THREADS = Executors.newCachedThreadPool(task -> {
        Thread t = new Thread(task, "rfmkit-ingestion");
        t.setDaemon(true);
        return t;
    });

    private final ExecutorService threads;
    private final Customers[] parts;
    private final boolean netReturns;
    private final Lane[] lanes; // null: counted on the caller's thread
    private final int inFlight;
    private final BlockingQueue<IncludedLines> counted = new LinkedBlockingQueue<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private int outstanding; // handed over, not yet taken back from counted

    /**
     * @param partCount the number of parts, each counted on a thread of its own in the background
     * @param background whether to count in the background, or on the caller's thread
     * @param inFlight the number of full batches handed over and not yet taken back at most, at least 1
     * @param netReturns whether returns net into the customers' amounts
     */
    BatchCounter(int partCount, boolean background, int inFlight, boolean netReturns) {
        this(partCount, background, inFlight, netReturns, THREADS);
    }

    /** A counter whose background threads come from the given executor: for tests. */
    BatchCounter(int partCount, boolean background, int inFlight, boolean netReturns, ExecutorService threads) {
        this.threads = threads;
        if (partCount < 1 || inFlight < 1) {
            throw new IllegalArgumentException("parts " + partCount + " and batches in flight " + inFlight
                    + ": each must be at least 1");
        }
        this.inFlight = inFlight;
        this.netReturns = netReturns;
        this.parts = new Customers[partCount];
        for (int p = 0; p < partCount; p++) {
            parts[p] = new Customers();
        }
        if (background) {
            lanes = new Lane[partCount];
            for (int p = 0; p < partCount; p++) {
                lanes[p] = new Lane(p);
            }
        } else {
            lanes = null;
        }
    }

    /**
     * Counts a full batch, or hands it over to the background, and returns an empty batch to fill next
     * (waiting if as many batches as may be in flight are being counted).
     *
     * @throws RuntimeException what counting an earlier batch threw
     */
    IncludedLines count(IncludedLines full) {
        if (lanes == null) {
            countHere(full);
            full.clear();
            return full;
        }
        Job job = new Job(full, lanes.length);
        for (Lane lane : lanes) {
            lane.add(job);
        }
        outstanding++;
        IncludedLines next = counted.poll();
        if (next == null && outstanding < inFlight) {
            next = new IncludedLines();
        } else {
            next = next != null ? next : takeCounted();
            outstanding--;
        }
        rethrowFailure();
        next.clear();
        return next;
    }

    /**
     * Counts the last batch, once every batch before it is counted, and finishes the parts (on their
     * threads in the background).
     *
     * @throws RuntimeException what counting a batch threw
     */
    Customers.Kept[] finish(IncludedLines last) {
        while (outstanding > 0) {
            takeCounted();
            outstanding--;
        }
        rethrowFailure();
        countHere(last);
        Customers.Kept[] kept = new Customers.Kept[parts.length];
        if (parts.length == 1 || lanes == null) {
            for (int p = 0; p < parts.length; p++) {
                kept[p] = parts[p].finish();
            }
        } else {
            List<Future<Customers.Kept>> folds = new ArrayList<>();
            for (Customers part : parts) {
                folds.add(threads.submit(part::finish));
            }
            for (int p = 0; p < parts.length; p++) {
                kept[p] = await(folds.get(p));
            }
        }
        return kept;
    }

    private void countHere(IncludedLines batch) {
        for (int p = 0; p < parts.length; p++) {
            parts[p].add(batch, netReturns, p, parts.length);
        }
    }

    /** A counted batch, waited for even through interrupts: every batch must be counted before anything else. */
    private IncludedLines takeCounted() {
        return waitFor(counted::take);
    }

    private void rethrowFailure() {
        Throwable t = failure.get();
        if (t != null) {
            throw unchecked(t);
        }
    }

    /** The value of a task, waited for even through interrupts; what it threw, rethrown. */
    private static <T> T await(Future<T> pending) {
        return waitFor(pending::get);
    }

    /** A call that blocks. */
    private interface Blocking<T> {
        T call() throws InterruptedException, ExecutionException;
    }

    /**
     * What a blocking call returns, called again when interrupted (the interrupt is kept for the caller);
     * what a task threw, rethrown.
     */
    private static <T> T waitFor(Blocking<T> blocking) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return blocking.call();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            throw unchecked(e.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A throwable to rethrow as it is when unchecked, else wrapped. */
    private static RuntimeException unchecked(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }

    /** A batch handed over, with the number of parts that have yet to count it. */
    private record Job(IncludedLines lines, AtomicInteger partsLeft) {
        Job(IncludedLines lines, int parts) {
            this(lines, new AtomicInteger(parts));
        }
    }

    /**
     * The batches one part has yet to count, in order, counted by one pooled thread at a time: the
     * thread ends when the queue is empty and a new one starts with the next batch.
     */
    private final class Lane implements Runnable {
        private final int part;
        private final ArrayDeque<Job> queue = new ArrayDeque<>(); // guarded by this
        private boolean running; // guarded by this

        Lane(int part) {
            this.part = part;
        }

        void add(Job job) {
            synchronized (this) {
                queue.addLast(job);
                if (running) {
                    return;
                }
                running = true;
            }
            try {
                threads.execute(this);
            } catch (RuntimeException | Error e) {
                // no thread to count on: the caller is told at its next call, and the batches handed back
                // uncounted, so that it never waits for them
                failure.compareAndSet(null, e);
                run();
            }
        }

        @Override
        public void run() {
            while (true) {
                Job job;
                synchronized (this) {
                    job = queue.pollFirst();
                    if (job == null) {
                        running = false;
                        return;
                    }
                }
                try {
                    if (failure.get() == null) {
                        parts[part].add(job.lines(), netReturns, part, parts.length);
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    if (job.partsLeft().decrementAndGet() == 0) {
                        counted.add(job.lines());
                    }
                }
            }
        }
    }
}
