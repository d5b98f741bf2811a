package nl.transfertafel.platform.events;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real publisher that holds the send of one chosen event until the test releases it, so a test
 * can line two relays up deterministically: one stuck sending, the other trying to go ahead.
 */
class GatedPublisher extends KafkaPublisher {

    private final String heldEventId;
    private final CompletableFuture<Void> reached = new CompletableFuture<>();
    private final CompletableFuture<Void> released = new CompletableFuture<>();

    GatedPublisher(String bootstrapServers, String heldEventId) {
        super(bootstrapServers, 32, (short) 1);
        this.heldEventId = heldEventId;
    }

    @Override
    public Sent sendAll(List<Outgoing> records) {
        if (records.stream().anyMatch(record -> record.value().contains(heldEventId))) {
            hold();
        }
        return super.sendAll(records);
    }

    private void hold() {
        reached.complete(null);
        try {
            released.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the test never released the held send", e);
        }
    }

    /** Waits until a relay is sending the held event (it then holds whatever it holds: its lane or its rows). */
    void awaitHeld() throws Exception {
        reached.get(60, TimeUnit.SECONDS);
    }

    void release() {
        released.complete(null);
    }
}
