package org.lvsd.ipvs;

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
}
