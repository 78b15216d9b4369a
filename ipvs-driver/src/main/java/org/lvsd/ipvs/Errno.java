package org.lvsd.ipvs;

import java.util.Optional;

/** The errno values the kernel's IPVS control code returns (ip_vs_ctl.c), with their numbers. */
public enum Errno {
    EPERM(1),
    ENOENT(2),
    ESRCH(3),
    ENOMEM(12),
    EFAULT(14),
    EEXIST(17),
    EINVAL(22),
    ERANGE(34),
    EOPNOTSUPP(95),
    EAFNOSUPPORT(97);

    private final int number;

    Errno(int number) {
        this.number = number;
    }

    /** The Linux errno number. */
    public int number() {
        return number;
    }

    /** The errno with a Linux number (as a netlink error carries it, negated), if this enum has it. */
    public static Optional<Errno> of(int number) {
        for (Errno e : values()) {
            if (e.number == number) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
