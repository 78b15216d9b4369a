package org.lvsd.controller.control;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binding the control socket's path safely (unix(7) pathname sockets). The parent directory is
 * created with mode 0700 when missing. An existing file there is replaced only when it is a socket
 * nobody listens on (left by a crash); a live socket means another lvsd runs, and anything else
 * is never deleted. The socket is bound under a temporary name, set to 0600, then renamed into
 * place, so it is never reachable with a wider mode.
 */
final class SocketFile {

    private static final Logger LOG = LoggerFactory.getLogger(SocketFile.class);

    private final Path path;
    private final Object fileKey;

    private SocketFile(Path path, Object fileKey) {
        this.path = path;
        this.fileKey = fileKey;
    }

    /** Binds {@code channel} on {@code path} as described above. */
    static SocketFile bind(ServerSocketChannel channel, Path path) throws IOException {
        Path socket = path.toAbsolutePath();
        Path dir = socket.getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
        removeStale(socket);
        Path tmp = dir.resolve("." + socket.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        Files.deleteIfExists(tmp);
        channel.bind(UnixDomainSocketAddress.of(tmp), 16);
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            Files.move(tmp, socket, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return new SocketFile(socket, key(socket));
    }

    private static void removeStale(Path socket) throws IOException {
        if (!Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.readAttributes(socket, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther()) {
            throw new FileAlreadyExistsException(socket.toString(), null,
                    "exists and is not a socket; refusing to replace it");
        }
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(socket));
            throw new FileAlreadyExistsException(socket.toString(), null,
                    "another process (lvsd?) is listening on it");
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (IOException refused) {
            LOG.info("control: replacing stale socket {} ({})", socket, refused.getMessage());
            Files.delete(socket);
        }
    }

    private static Object key(Path p) throws IOException {
        return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    }

    Path path() {
        return path;
    }

    /** Deletes the socket file if it is still the one this process bound. */
    void delete() {
        try {
            if (Files.exists(path, LinkOption.NOFOLLOW_LINKS) && Objects.equals(key(path), fileKey)) {
                Files.delete(path);
            }
        } catch (IOException e) {
            LOG.warn("control: cannot remove {}: {}", path, e.toString());
        }
    }
}
