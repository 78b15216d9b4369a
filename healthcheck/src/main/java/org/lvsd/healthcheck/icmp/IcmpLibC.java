package org.lvsd.healthcheck.icmp;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.ptr.IntByReference;

/** The libc calls an ICMP socket needs (socket(2), bind(2), sendto(2), recvfrom(2), poll(2)). */
interface IcmpLibC extends Library {
    IcmpLibC INSTANCE = Native.load("c", IcmpLibC.class);

    int SOCK_DGRAM = 2;
    int SOCK_RAW = 3;
    int SOCK_CLOEXEC = 0x80000;
    int MSG_DONTWAIT = 0x40;
    short POLLIN = 1;
    int SOL_SOCKET = 1;
    int SO_RCVBUF = 8;
    int SO_RCVBUFFORCE = 33;
    int SOL_RAW = 255;
    int ICMP_FILTER = 1;
    int IPPROTO_ICMPV6 = 58;
    int ICMP6_FILTER = 1;
    int EINTR = 4;
    int EAGAIN = 11;

    int socket(int domain, int type, int protocol) throws LastErrorException;

    int bind(int fd, byte[] addr, int addrLen) throws LastErrorException;

    int getsockname(int fd, byte[] addr, IntByReference addrLen) throws LastErrorException;

    int setsockopt(int fd, int level, int name, byte[] value, int len) throws LastErrorException;

    long sendto(int fd, byte[] buf, long len, int flags, byte[] addr, int addrLen)
            throws LastErrorException;

    long recvfrom(int fd, byte[] buf, long len, int flags, byte[] addr, IntByReference addrLen)
            throws LastErrorException;

    int poll(byte[] fds, long nfds, int timeoutMillis) throws LastErrorException;

    int close(int fd) throws LastErrorException;
}
