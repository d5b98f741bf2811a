package nl.transfertafel.platform.events;

/**
 * A message that can never be processed as it is (not an event envelope, or one that breaks its
 * contract): retrying cannot help, so it goes to the dead-letter topic at once.
 */
public class UnprocessableEvent extends RuntimeException {

    public UnprocessableEvent(String message, Throwable cause) {
        super(message, cause);
    }
}
