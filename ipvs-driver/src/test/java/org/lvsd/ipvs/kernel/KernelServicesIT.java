package org.lvsd.ipvs.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lvsd.ipvs.AddressFamily;
import org.lvsd.ipvs.Destination;
import org.lvsd.ipvs.Errno;
import org.lvsd.ipvs.ForwardMethod;
import org.lvsd.ipvs.IpvsException;
import org.lvsd.ipvs.RealServer;
import org.lvsd.ipvs.ServiceEntry;
import org.lvsd.ipvs.ServiceFlag;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.VirtualService;

/** Services against the real kernel: every scheduler, flags, persistence, IPv6, fwmark, edits, errors. */
class KernelServicesIT extends WithKernelLab {
    static final List<String> SCHEDULERS = List.of("rr", "wrr", "lc", "wlc", "fo", "ovf", "lblc", "lblcr", "dh",
            "sh", "mh", "sed", "nq");

    static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    static List<VirtualService> services() throws IpvsException {
        List<VirtualService> out = new ArrayList<>();
        for (ServiceEntry e : lab.driver.list()) {
            out.add(e.service());
        }
        return out;
    }

    @Test
    void everySchedulerOfTheKernelIsAcceptedAndReadBack() throws Exception {
        List<VirtualService> added = new ArrayList<>();
        int port = 1000;
        for (String s : SCHEDULERS) {
            VirtualService svc = VirtualService.of(ServiceKey.tcp(ip("198.51.100.100"), ++port), s);
            lab.driver.addService(svc);
            added.add(svc);
        }
        assertEquals(Set.copyOf(added), Set.copyOf(services()));
        assertEquals(SCHEDULERS.size(), lab.ipvsadm("-Ln").lines().filter(l -> l.startsWith("TCP")).count());
    }

    @Test
    void flagsPersistencePeIpv6AndFwmarkServicesReadBackAsWritten() throws Exception {
        List<VirtualService> added = List.of(
                VirtualService.of(ServiceKey.udp(ip("198.51.100.100"), 53), "sh")
                        .withFlags(ServiceFlag.SCHED1, ServiceFlag.SCHED2),
                VirtualService.of(ServiceKey.sctp(ip("198.51.100.100"), 9), "rr"),
                VirtualService.of(ServiceKey.tcp(ip("198.51.100.101"), 443), "wlc").withPersistence(300, 0xffffff00),
                new VirtualService(ServiceKey.udp(ip("198.51.100.102"), 5060), "rr", Set.of(ServiceFlag.PERSISTENT),
                        60, 0xffffffff, "sip"),
                VirtualService.of(ServiceKey.udp(ip("198.51.100.103"), 514), "rr").withFlags(ServiceFlag.ONE_PACKET),
                VirtualService.of(ServiceKey.tcp(ip("2001:db8::100"), 80), "mh").withFlags(ServiceFlag.SCHED2),
                VirtualService.of(ServiceKey.tcp(ip("2001:db8::101"), 443), "rr").withPersistence(600, 64),
                VirtualService.of(ServiceKey.fwmark(42, AddressFamily.INET), "rr"),
                VirtualService.of(ServiceKey.fwmark(0xfffffffe, AddressFamily.INET6), "wrr"));
        for (VirtualService s : added) {
            lab.driver.addService(s);
        }
        assertEquals(Set.copyOf(added), Set.copyOf(services()));
        for (VirtualService s : added) {
            assertEquals(s, lab.driver.get(s.key()).service());
        }
    }

    @Test
    void editServiceChangesSchedulerAndPersistenceDeleteRemovesIt() throws Exception {
        ServiceKey key = ServiceKey.tcp(ip("198.51.100.100"), 80);
        lab.driver.addService(VirtualService.of(key, "rr"));
        VirtualService edited = VirtualService.of(key, "wlc").withPersistence(120, 0xffff0000);
        lab.driver.editService(edited);
        assertEquals(List.of(edited), services());
        lab.driver.deleteService(key);
        assertEquals(List.of(), services());
    }

    @Test
    void duplicateServiceIsEexistNamedInIpvsadmWords() throws Exception {
        VirtualService svc = VirtualService.of(ServiceKey.tcp(ip("198.51.100.100"), 80), "rr");
        lab.driver.addService(svc);
        IpvsException e = assertThrows(IpvsException.class, () -> lab.driver.addService(svc));
        assertEquals(Errno.EEXIST, e.reason());
        assertEquals("add service TCP 198.51.100.100:80: EEXIST (File exists)", e.getMessage());
        assertEquals(List.of(svc), services());
        assertEquals(lab.driver.list().get(0).service(), lab.driver.view().get(0).service());
    }

    @Test
    void unknownSchedulerIsEnoentAndLeavesNoService() throws Exception {
        IpvsException e = assertThrows(IpvsException.class, () -> lab.driver.addService(
                VirtualService.of(ServiceKey.tcp(ip("198.51.100.100"), 80), "twos")));
        assertEquals(Errno.ENOENT, e.reason());
        assertEquals("add service TCP 198.51.100.100:80: ENOENT (No such file or directory)", e.getMessage());
        assertEquals(List.of(), services());
        assertEquals(List.of(), lab.driver.view());
    }

    @Test
    void missingServiceAndMissingDestinationAreEsrchAndEnoent() throws Exception {
        ServiceKey key = ServiceKey.tcp(ip("198.51.100.100"), 80);
        Destination d = Destination.of(new RealServer(ip("198.51.100.21"), 80), ForwardMethod.ROUTE, 1);
        IpvsException noService = assertThrows(IpvsException.class, () -> lab.driver.deleteService(key));
        assertEquals(Errno.ESRCH, noService.reason());
        assertEquals("delete service TCP 198.51.100.100:80: ESRCH (No such process)", noService.getMessage());
        assertEquals(Errno.ESRCH, assertThrows(IpvsException.class, () -> lab.driver.get(key)).reason());
        lab.driver.addService(VirtualService.of(key, "rr"));
        IpvsException noDest = assertThrows(IpvsException.class, () -> lab.driver.editDestination(key, d));
        assertEquals(Errno.ENOENT, noDest.reason());
        assertEquals("edit destination TCP 198.51.100.100:80 -> 198.51.100.21:80: ENOENT (No such file or directory)",
                noDest.getMessage());
        assertEquals(Errno.ENOENT, assertThrows(IpvsException.class,
                () -> lab.driver.deleteDestination(key, d.server())).reason());
    }
}
