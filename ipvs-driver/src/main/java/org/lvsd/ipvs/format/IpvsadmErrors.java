package org.lvsd.ipvs.format;

import org.lvsd.ipvs.Destination;
import org.lvsd.ipvs.Errno;
import org.lvsd.ipvs.RealServer;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.TableChange;
import org.lvsd.ipvs.VirtualService;

/**
 * The line ipvsadm prints when the kernel refuses a command (libipvs ipvs_strerror): messages
 * specific to the operation first, then general ones, then the C library's strerror text.
 */
public final class IpvsadmErrors {
    private IpvsadmErrors() {
    }

    /** ipvsadm's text for a refused command. */
    public static String message(RestoreCommand command, Errno errno) {
        String specific = null;
        if (command instanceof RestoreCommand.Change c) {
            specific = c.change().accept(new Specific(errno));
        } else if (command instanceof RestoreCommand.Zero) {
            specific = errno == Errno.ESRCH ? "No such service" : null;
        }
        return specific != null ? specific : general(errno);
    }

    /** The operation's own message for an errno, or null. */
    private record Specific(Errno errno) implements TableChange.Visitor<String> {
        @Override
        public String addService(VirtualService service) {
            return switch (errno) {
                case EEXIST -> "Service already exists";
                case ENOENT -> "Scheduler or persistence engine not found";
                default -> null;
            };
        }

        @Override
        public String editService(VirtualService service) {
            return switch (errno) {
                case ESRCH -> "No such service";
                case ENOENT -> "Scheduler or persistence engine not found";
                default -> null;
            };
        }

        @Override
        public String deleteService(ServiceKey key) {
            return errno == Errno.ESRCH ? "No such service" : null;
        }

        @Override
        public String addDestination(ServiceKey key, Destination destination) {
            return switch (errno) {
                case ESRCH -> "Service not defined";
                case EEXIST -> "Destination already exists";
                default -> null;
            };
        }

        @Override
        public String editDestination(ServiceKey key, Destination destination) {
            return missingDestination();
        }

        @Override
        public String deleteDestination(ServiceKey key, RealServer server) {
            return missingDestination();
        }

        @Override
        public String flush() {
            return null;
        }

        private String missingDestination() {
            return switch (errno) {
                case ESRCH -> "Service not defined";
                case ENOENT -> "No such destination";
                default -> null;
            };
        }
    }

    private static String general(Errno errno) {
        return switch (errno) {
            case EPERM -> "Permission denied (you must be root)";
            case EINVAL -> "Invalid operation.  Possibly wrong module version, address not unicast, ...";
            case ENOMEM -> "Memory allocation problem";
            case EOPNOTSUPP -> "Operation not supported with IPv6";
            case EAFNOSUPPORT -> "Operation not supported with specified address family";
            case ENOENT -> "No such file or directory";
            case ESRCH -> "No such process";
            case EEXIST -> "File exists";
            case EFAULT -> "Bad address";
            case ERANGE -> "Numerical result out of range";
        };
    }
}
