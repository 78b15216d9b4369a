package org.lvsd.ipvs.format;

import java.util.Map;

/** The option spellings of ipvsadm(8) that restore input may use, short and long. */
final class Syntax {
    enum Arg { NONE, REQUIRED, OPTIONAL }

    /** One option spelling: its canonical long name and argument kind. */
    record Spec(String name, Arg arg) {
    }

    private static final Map<String, Spec> LONG = Map.ofEntries(
            spec("add-service", Arg.NONE), spec("edit-service", Arg.NONE), spec("delete-service", Arg.NONE),
            spec("clear", Arg.NONE), spec("add-server", Arg.NONE), spec("edit-server", Arg.NONE),
            spec("delete-server", Arg.NONE), spec("zero", Arg.NONE), spec("set", Arg.NONE),
            spec("tcp-service", Arg.REQUIRED), spec("udp-service", Arg.REQUIRED),
            spec("sctp-service", Arg.REQUIRED), spec("fwmark-service", Arg.REQUIRED),
            spec("scheduler", Arg.REQUIRED), spec("persistent", Arg.OPTIONAL), spec("netmask", Arg.REQUIRED),
            spec("real-server", Arg.REQUIRED), spec("masquerading", Arg.NONE), spec("ipip", Arg.NONE),
            spec("gatewaying", Arg.NONE), spec("weight", Arg.REQUIRED), spec("u-threshold", Arg.REQUIRED),
            spec("l-threshold", Arg.REQUIRED), spec("numeric", Arg.NONE), spec("ipv6", Arg.NONE),
            spec("ops", Arg.NONE), spec("pe", Arg.REQUIRED), spec("sched-flags", Arg.REQUIRED),
            spec("tun-type", Arg.REQUIRED), spec("tun-port", Arg.REQUIRED), spec("tun-nocsum", Arg.NONE),
            spec("tun-csum", Arg.NONE), spec("tun-remcsum", Arg.NONE));

    private static final Map<Character, String> SHORT = Map.ofEntries(
            Map.entry('A', "add-service"), Map.entry('E', "edit-service"), Map.entry('D', "delete-service"),
            Map.entry('C', "clear"), Map.entry('a', "add-server"), Map.entry('e', "edit-server"),
            Map.entry('d', "delete-server"), Map.entry('Z', "zero"), Map.entry('t', "tcp-service"),
            Map.entry('u', "udp-service"), Map.entry('f', "fwmark-service"), Map.entry('s', "scheduler"),
            Map.entry('p', "persistent"), Map.entry('M', "netmask"), Map.entry('r', "real-server"),
            Map.entry('m', "masquerading"), Map.entry('i', "ipip"), Map.entry('g', "gatewaying"),
            Map.entry('w', "weight"), Map.entry('x', "u-threshold"), Map.entry('y', "l-threshold"),
            Map.entry('n', "numeric"), Map.entry('6', "ipv6"), Map.entry('o', "ops"), Map.entry('b', "sched-flags"));

    private Syntax() {
    }

    private static Map.Entry<String, Spec> spec(String name, Arg arg) {
        return Map.entry(name, new Spec(name, arg));
    }

    static Spec longOption(String name) {
        return LONG.get(name);
    }

    static Spec shortOption(char c) {
        String name = SHORT.get(c);
        return name == null ? null : LONG.get(name);
    }

    /** The command an option names, or null when it is not a command. */
    static Cmd command(String name) {
        return switch (name) {
            case "add-service" -> Cmd.ADD_SERVICE;
            case "edit-service" -> Cmd.EDIT_SERVICE;
            case "delete-service" -> Cmd.DELETE_SERVICE;
            case "clear" -> Cmd.FLUSH;
            case "add-server" -> Cmd.ADD_SERVER;
            case "edit-server" -> Cmd.EDIT_SERVER;
            case "delete-server" -> Cmd.DELETE_SERVER;
            case "zero" -> Cmd.ZERO;
            case "set" -> Cmd.SET_TIMEOUT;
            default -> null;
        };
    }
}
