package org.lvsd.controller.control;

import java.nio.file.Path;
import org.lvsd.ipvs.format.ConnectionListing;
import org.lvsd.ipvs.format.IpvsadmListing;
import org.lvsd.ipvs.format.ListFormat;
import org.lvsd.ipvs.format.ListOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns one request line into one answer through the handler; never throws. */
final class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final ControlHandler handler;

    Dispatcher(ControlHandler handler) {
        this.handler = handler;
    }

    Response answer(String line) {
        Request request;
        try {
            request = Request.parse(line);
        } catch (Request.BadRequestException e) {
            return Response.error(e.getMessage());
        }
        try {
            return Response.ok(run(request));
        } catch (ControlException e) {
            return Response.error(e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("control: '{}' failed", request.line(), e);
            return Response.error("internal error in lvsd (" + e + "); see its log");
        }
    }

    private String run(Request request) throws ControlException {
        if (request instanceof Request.Listing l) {
            return switch (l.view()) {
                case TABLE -> listing(ListFormat.DEFAULT);
                case STATS -> listing(ListFormat.STATS);
                case RATE -> listing(ListFormat.RATE);
                case CONNECTIONS -> ConnectionListing.list(handler.connections(), false);
            };
        }
        if (request instanceof Request.Status s) {
            StatusReport report = handler.status();
            return s.json() ? StatusJson.render(report) : StatusText.render(report);
        }
        if (request instanceof Request.Maintenance m) {
            LOG.info("control: {}", m.line());
            return line(m.enable() ? handler.enable(m.virtualServer(), m.server())
                    : handler.drain(m.virtualServer(), m.server()));
        }
        if (request instanceof Request.Flush) {
            LOG.warn("control: flush requested: emptying the IPVS table");
            return line(handler.flush());
        }
        if (request instanceof Request.Diff d) {
            return line(handler.diff(Path.of(d.path())));
        }
        LOG.info("control: reload requested");
        return line(handler.reload());
    }

    private String listing(ListFormat format) throws ControlException {
        IpvsTable table = handler.table();
        return IpvsadmListing.list(table.info(), table.services(), ListOptions.of(format));
    }

    private static String line(String message) {
        return message.endsWith("\n") ? message : message + "\n";
    }
}
