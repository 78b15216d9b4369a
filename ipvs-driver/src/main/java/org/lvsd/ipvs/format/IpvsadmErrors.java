package org.lvsd.ipvs.format;

import org.lvsd.ipvs.Errno;

/**
 * The line ipvsadm prints when the kernel refuses a command (libipvs ipvs_strerror): messages
 * specific to the operation first, then general ones, then the C library's strerror text.
 */
public final class IpvsadmErrors {
    private IpvsadmErrors() {
    }

    /** ipvsadm's text for a refused command. */
    public static String message(RestoreCommand command, Errno errno) {
        String specific = specific(command, errno);
        return specific != null ? specific : general(errno);
    }

    private static String specific(RestoreCommand command, Errno errno) {
        if (command instanceof RestoreCommand.AddService) {
            return switch (errno) {
                case EEXIST -> "Service already exists";
                case ENOENT -> "Scheduler or persistence engine not found";
                default -> null;
            };
        }
        if (command instanceof RestoreCommand.EditService) {
            return switch (errno) {
                case ESRCH -> "No such service";
                case ENOENT -> "Scheduler or persistence engine not found";
                default -> null;
            };
        }
        if (command instanceof RestoreCommand.DeleteService || command instanceof RestoreCommand.Zero) {
            return errno == Errno.ESRCH ? "No such service" : null;
        }
        if (command instanceof RestoreCommand.AddDestination) {
            return switch (errno) {
                case ESRCH -> "Service not defined";
                case EEXIST -> "Destination already exists";
                default -> null;
            };
        }
        if (command instanceof RestoreCommand.EditDestination || command instanceof RestoreCommand.DeleteDestination) {
            return switch (errno) {
                case ESRCH -> "Service not defined";
                case ENOENT -> "No such destination";
                default -> null;
            };
        }
        return null;
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
