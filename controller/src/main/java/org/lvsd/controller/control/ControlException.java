package org.lvsd.controller.control;

/** A request the daemon could not carry out; the message goes back to the client as {@code ERR}. */
public final class ControlException extends Exception {

    private static final long serialVersionUID = 1L;

    public ControlException(String message) {
        super(message);
    }
}
