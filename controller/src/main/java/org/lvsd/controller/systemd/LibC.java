package org.lvsd.controller.systemd;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;

/** The libc calls sd_notify needs (LP64 Linux: size_t, ssize_t, time_t and long are Java long). */
interface LibC extends Library {
    LibC INSTANCE = Native.load("c", LibC.class);

    int AF_UNIX = 1;
    int SOCK_DGRAM = 2;
    int SOCK_CLOEXEC = 0x80000;
    int MSG_NOSIGNAL = 0x4000;
    int CLOCK_MONOTONIC = 1;

    int socket(int domain, int type, int protocol) throws LastErrorException;

    long sendto(int fd, byte[] buf, long len, int flags, byte[] addr, int addrLen) throws LastErrorException;

    int close(int fd) throws LastErrorException;

    /** {@code timespec} is {@code {tv_sec, tv_nsec}}, two longs on LP64. */
    int clock_gettime(int clock, long[] timespec) throws LastErrorException;
}
