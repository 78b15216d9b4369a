package org.lvsd.vrrp.notify;

import org.lvsd.vrrp.fsm.VrrpState;

/** The state words of notify arguments and FIFO lines (keepalived reference §1.7). */
public enum NotifyState {
    MASTER, BACKUP, FAULT, STOP;

    /** The word for entering {@code state}: INIT (after a stop) is STOP. */
    public static NotifyState of(VrrpState state) {
        return switch (state) {
            case MASTER -> MASTER;
            case BACKUP -> BACKUP;
            case FAULT -> FAULT;
            case INIT -> STOP;
        };
    }

    /** The line's first word: an instance or a sync group. */
    public enum Subject { INSTANCE, GROUP }

    /** {@code INSTANCE "VI_1" MASTER 100}: a FIFO line without its newline. */
    public static String fifoLine(Subject subject, String name, NotifyState state, int priority) {
        return fifoLine(subject, name, state.name(), priority);
    }

    /** A FIFO line for any event word ({@code MASTER_RX_LOWER_PRI}, {@code MASTER_PRIORITY}, ...). */
    static String fifoLine(Subject subject, String name, String event, int priority) {
        return subject + " \"" + name + "\" " + event + " " + priority;
    }
}
