package org.lvsd.ipvs.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lvsd.ipvs.Errno;

class IpvsadmErrorsTest {

    private static String text(String line, Errno errno) throws RestoreException {
        List<RestoreCommand> commands = RestoreParser.parse(line);
        return IpvsadmErrors.message(commands.get(0), errno);
    }

    @Test
    void operationSpecificMessages() throws Exception {
        assertEquals("Service already exists", text("-A -t 198.51.100.100:80", Errno.EEXIST));
        assertEquals("Scheduler or persistence engine not found", text("-E -t 198.51.100.100:80 -s x", Errno.ENOENT));
        assertEquals("No such service", text("-D -t 198.51.100.100:80", Errno.ESRCH));
        assertEquals("No such service", text("-Z -t 198.51.100.100:80", Errno.ESRCH));
        assertEquals("Service not defined", text("-a -t 198.51.100.100:80 -r 198.51.100.21", Errno.ESRCH));
        assertEquals("Destination already exists", text("-a -t 198.51.100.100:80 -r 198.51.100.21", Errno.EEXIST));
        assertEquals("No such destination", text("-d -t 198.51.100.100:80 -r 198.51.100.21", Errno.ENOENT));
    }

    @Test
    void generalMessagesAndStrerrorFallback() throws Exception {
        assertEquals("Numerical result out of range", text("-a -t 198.51.100.100:80 -r 198.51.100.21", Errno.ERANGE));
        assertEquals("Invalid operation.  Possibly wrong module version, address not unicast, ...",
                text("--set 1 2 3", Errno.EINVAL));
        assertEquals("File exists", text("-E -t 198.51.100.100:80", Errno.EEXIST));
    }
}
