package org.lvsd.ipvs.userspace.dr;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/**
 * The libc calls and constants of a packet socket with a receive ring (packet(7), linux/if_packet.h;
 * LP64: size_t and off_t are Java long).
 */
interface PacketLibC extends Library {
    PacketLibC INSTANCE = Native.load("c", PacketLibC.class);

    int AF_PACKET = 17;
    int SOCK_RAW = 3;
    int SOCK_CLOEXEC = 0x80000;
    /** htons(ETH_P_ALL): every protocol. */
    short ETH_P_ALL_BE = 0x0300;
    int SOL_SOCKET = 1;
    int SO_ERROR = 4;
    int SO_ATTACH_FILTER = 26;
    int SOL_PACKET = 263;
    int PACKET_RX_RING = 5;
    int PACKET_STATISTICS = 6;
    int PACKET_VERSION = 10;
    int PACKET_VNET_HDR = 15;
    int PACKET_IGNORE_OUTGOING = 23;
    int TPACKET_V2 = 1;
    int PROT_READ = 1;
    int PROT_WRITE = 2;
    int MAP_SHARED = 1;
    int MAP_POPULATE = 0x8000;
    short POLLIN = 1;
    short POLLERR = 8;
    long SIOCGIFMTU = 0x8921;
    long SIOCGIFHWADDR = 0x8927;

    int socket(int domain, int type, int protocol) throws LastErrorException;

    int bind(int fd, byte[] addr, int addrLen) throws LastErrorException;

    int setsockopt(int fd, int level, int name, byte[] value, int len) throws LastErrorException;

    int getsockopt(int fd, int level, int name, byte[] value, IntByReference len) throws LastErrorException;

    int ioctl(int fd, long request, byte[] ifreq) throws LastErrorException;

    int if_nametoindex(String name) throws LastErrorException;

    Pointer mmap(Pointer addr, long length, int prot, int flags, int fd, long offset) throws LastErrorException;

    int munmap(Pointer addr, long length) throws LastErrorException;

    int poll(Pointer fds, long nfds, int timeoutMillis) throws LastErrorException;

    int sendmmsg(int fd, Pointer messages, int count, int flags) throws LastErrorException;

    int close(int fd) throws LastErrorException;

    String strerror(int errno);
}
