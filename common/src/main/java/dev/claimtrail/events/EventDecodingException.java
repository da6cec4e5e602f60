package dev.claimtrail.events;

/** A record whose type is unknown or whose body does not fit its type: it goes to a dead-letter topic. */
public class EventDecodingException extends RuntimeException {
    public EventDecodingException(String message) {
        super(message);
    }

    public EventDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
