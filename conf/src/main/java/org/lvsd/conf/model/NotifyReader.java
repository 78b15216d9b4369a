package org.lvsd.conf.model;

import java.util.Optional;

/** Collects the {@code notify_*} statements of an instance or a sync group. */
final class NotifyReader {

    private Optional<Command> master = Optional.empty();
    private Optional<Command> backup = Optional.empty();
    private Optional<Command> fault = Optional.empty();
    private Optional<Command> stop = Optional.empty();
    private Optional<Command> deleted = Optional.empty();
    private Optional<Command> any = Optional.empty();
    private Optional<Command> lowerPri = Optional.empty();

    /** Consumes the statement when it is a notify keyword. */
    boolean accept(Stmt s, Diags d) {
        switch (s.keyword()) {
            case "notify_master" -> master = Scripts.withUser(s, d);
            case "notify_backup" -> backup = Scripts.withUser(s, d);
            case "notify_fault" -> fault = Scripts.withUser(s, d);
            case "notify_stop" -> stop = Scripts.withUser(s, d);
            case "notify_deleted" -> deleted = Scripts.withUser(s, d);
            case "notify" -> any = Scripts.withUser(s, d);
            case "notify_master_rx_lower_pri" -> lowerPri = Scripts.withUser(s, d);
            default -> {
                return false;
            }
        }
        return true;
    }

    Notify result() {
        return new Notify(master, backup, fault, stop, deleted, any, lowerPri);
    }
}
