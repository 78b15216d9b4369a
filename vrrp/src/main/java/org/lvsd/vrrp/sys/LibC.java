package org.lvsd.vrrp.sys;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;

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
}
