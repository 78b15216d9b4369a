package org.lvsd.netlink.socket;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/** The few libc calls the netlink socket needs (LP64: size_t and ssize_t are Java long). */
interface LibC extends Library {
    LibC INSTANCE = Native.load("c", LibC.class);

    int AF_NETLINK = 16;
    int SOCK_RAW = 3;
    int SOCK_CLOEXEC = 0x80000;
    int SOL_SOCKET = 1;
    int SO_RCVBUF = 8;
    int SO_RCVBUFFORCE = 33;
    int SOL_NETLINK = 270;
    int NETLINK_ADD_MEMBERSHIP = 1;
    int NETLINK_DROP_MEMBERSHIP = 2;
    int NETLINK_CAP_ACK = 10;
    int NETLINK_EXT_ACK = 11;
    int MSG_TRUNC = 0x20;
    int MSG_DONTWAIT = 0x40;
    short POLLIN = 1;
    int O_RDONLY = 0;
    int O_CLOEXEC = 0x80000;
    int CLONE_NEWNET = 0x40000000;

    int socket(int domain, int type, int protocol) throws LastErrorException;

    int bind(int fd, byte[] addr, int addrLen) throws LastErrorException;

    int getsockname(int fd, byte[] addr, IntByReference addrLen) throws LastErrorException;

    int setsockopt(int fd, int level, int name, IntByReference value, int len) throws LastErrorException;

    int getsockopt(int fd, int level, int name, IntByReference value, IntByReference len) throws LastErrorException;

    long sendto(int fd, byte[] buf, long len, int flags, byte[] addr, int addrLen) throws LastErrorException;

    long recvfrom(int fd, Pointer buf, long len, int flags, Pointer addr, Pointer addrLen) throws LastErrorException;

    int poll(byte[] fds, long nfds, int timeoutMillis) throws LastErrorException;

    int open(String path, int flags) throws LastErrorException;

    int setns(int fd, int nstype) throws LastErrorException;

    int close(int fd) throws LastErrorException;
}
