package org.lvsd.ipvs.format;

import java.util.EnumSet;
import java.util.Set;

/**
 * The ipvsadm commands accepted in restore input, with their names and the options each needs
 * ('+') or allows (' ') per ipvsadm's commands_v_options table; everything else is illegal ('x').
 */
enum Cmd {
    ADD_SERVICE("add-service", EnumSet.of(Opt.SERVICE),
            EnumSet.of(Opt.SCHEDULER, Opt.PERSISTENT, Opt.NETMASK, Opt.ONEPACKET, Opt.PERSISTENCE_ENGINE,
                    Opt.SCHED_FLAGS)),
    EDIT_SERVICE("edit-service", EnumSet.of(Opt.SERVICE),
            EnumSet.of(Opt.SCHEDULER, Opt.PERSISTENT, Opt.NETMASK, Opt.ONEPACKET, Opt.PERSISTENCE_ENGINE,
                    Opt.SCHED_FLAGS)),
    DELETE_SERVICE("delete-service", EnumSet.of(Opt.SERVICE), EnumSet.noneOf(Opt.class)),
    FLUSH("flush", EnumSet.noneOf(Opt.class), EnumSet.noneOf(Opt.class)),
    ADD_SERVER("add-server", EnumSet.of(Opt.SERVICE, Opt.SERVER),
            EnumSet.of(Opt.FORWARD, Opt.WEIGHT, Opt.UTHRESHOLD, Opt.LTHRESHOLD, Opt.TUN_TYPE, Opt.TUN_PORT,
                    Opt.TUN_NOCSUM, Opt.TUN_CSUM, Opt.TUN_REMCSUM)),
    DELETE_SERVER("delete-server", EnumSet.of(Opt.SERVICE, Opt.SERVER), EnumSet.noneOf(Opt.class)),
    EDIT_SERVER("edit-server", EnumSet.of(Opt.SERVICE, Opt.SERVER),
            EnumSet.of(Opt.FORWARD, Opt.WEIGHT, Opt.UTHRESHOLD, Opt.LTHRESHOLD, Opt.TUN_TYPE, Opt.TUN_PORT,
                    Opt.TUN_NOCSUM, Opt.TUN_CSUM, Opt.TUN_REMCSUM)),
    SET_TIMEOUT("set", EnumSet.noneOf(Opt.class), EnumSet.noneOf(Opt.class)),
    ZERO("zero", EnumSet.noneOf(Opt.class), EnumSet.of(Opt.SERVICE));

    private final String label;
    private final Set<Opt> required;
    private final Set<Opt> optional;

    Cmd(String label, Set<Opt> required, Set<Opt> optional) {
        this.label = label;
        this.required = required;
        this.optional = optional;
    }

    String label() {
        return label;
    }

    /** generic_opt_check: the first problem in option order, or null. */
    String check(Set<Opt> given) {
        for (Opt o : Opt.values()) {
            if (!given.contains(o)) {
                if (required.contains(o)) {
                    return "You need to supply the '" + o.label() + "' option for the '" + label + "' command";
                }
            } else if (!required.contains(o) && !optional.contains(o)) {
                return "Illegal '" + o.label() + "' option with the '" + label + "' command";
            }
        }
        return null;
    }
}
