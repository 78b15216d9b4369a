package org.lvsd.vrrp.sys;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/** libc through JNA; every call throws {@link LastErrorException} (with errno) on failure. */
public interface LibC extends Library {

    LibC INSTANCE = Native.load("c", LibC.class);

    int O_WRONLY = 0x1;
    int O_NONBLOCK = 0x800;
    int O_CLOEXEC = 0x80000;

    int EINTR = 4;
    int ENXIO = 6;
    int EAGAIN = 11;
    int EPIPE = 32;

    int open(String path, int flags) throws LastErrorException;

    int mkfifo(String path, int mode) throws LastErrorException;

    NativeLong write(int fd, byte[] buf, NativeLong count) throws LastErrorException;

    int close(int fd) throws LastErrorException;

    int socket(int domain, int type, int protocol) throws LastErrorException;

    int setsockopt(int fd, int level, int name, int[] value, int length) throws LastErrorException;

    int setsockopt(int fd, int level, int name, byte[] value, int length) throws LastErrorException;

    int bind(int fd, byte[] sockaddr, int length) throws LastErrorException;

    NativeLong sendto(int fd, byte[] buf, NativeLong length, int flags, byte[] sockaddr, int addrLength)
            throws LastErrorException;

    NativeLong recvmsg(int fd, Pointer msghdr, int flags) throws LastErrorException;

    int poll(byte[] pollfds, NativeLong count, int timeoutMillis) throws LastErrorException;
}
