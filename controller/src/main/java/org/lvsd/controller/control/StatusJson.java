package org.lvsd.controller.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import org.lvsd.controller.reconcile.Drain;
import org.lvsd.healthcheck.decision.PoolStatus;
import org.lvsd.healthcheck.spec.RealServerId;
import org.lvsd.ipvs.AddressText;
import org.lvsd.vrrp.fsm.Transition;

/**
 * The JSON form of {@code status} (field names in snake_case, times in ISO-8601 UTC):
 * {@code {"instances":[{"name","state","priority","vips":[],"transitions":[{"at","from","to",
 * "priority","reason"}]}], "virtual_servers":[{"virtual_server","quorum_up","sorry_server_active",
 * "alive_weight","real_servers":[{"real_server","up","weight","reason"}]}],
 * "drains":[{"virtual_server" (null = every one),"real_server"}]}}.
 */
final class StatusJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StatusJson() {
    }

    /** A real server as ipvsadm prints it: {@code a.b.c.d:port}, {@code [v6]:port} (compressed). */
    static String text(RealServerId server) {
        return AddressText.withPort(server.address(), server.port());
    }

    static String render(StatusReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode instances = root.putArray("instances");
        for (InstanceStatus i : report.instances()) {
            ObjectNode n = instances.addObject();
            n.put("name", i.name()).put("state", i.state().name()).put("priority", i.priority());
            ArrayNode vips = n.putArray("vips");
            i.vips().forEach(v -> vips.add(AddressText.format(v)));
            ArrayNode transitions = n.putArray("transitions");
            for (TimedTransition t : i.transitions()) {
                Transition tr = t.transition();
                transitions.addObject().put("at", t.at().toString()).put("from", tr.from().name())
                        .put("to", tr.to().name()).put("priority", tr.priority()).put("reason", tr.reason());
            }
        }
        ArrayNode pools = root.putArray("virtual_servers");
        for (PoolStatus p : report.pools()) {
            ObjectNode n = pools.addObject();
            n.put("virtual_server", p.virtualServer()).put("quorum_up", p.quorumUp())
                    .put("sorry_server_active", p.sorryServerActive()).put("alive_weight", p.aliveWeight());
            ArrayNode servers = n.putArray("real_servers");
            for (PoolStatus.Server s : p.servers()) {
                servers.addObject().put("real_server", text(s.server())).put("up", s.up())
                        .put("weight", s.weight()).put("reason", s.reason());
            }
        }
        ArrayNode drains = root.putArray("drains");
        for (Drain d : report.drains()) {
            drains.addObject().put("virtual_server", d.virtualServer().orElse(null))
                    .put("real_server", text(d.server()));
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
