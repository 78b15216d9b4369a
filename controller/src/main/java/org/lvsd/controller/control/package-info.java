/**
 * The control socket: a unix(7) {@code SOCK_STREAM} socket on {@code control_socket} (default
 * {@code /run/lvsd/lvsd.sock}, mode 0600 in a 0700 directory) that {@code lvsctl} talks to.
 *
 * <p>Protocol, one exchange per connection: the client sends one request line (UTF-8, at most
 * {@value org.lvsd.controller.control.Request#MAX_LINE} bytes, ended by {@code \n} or by closing
 * its side); the server answers {@code OK} or {@code ERR <message>} on the first line, then the
 * body, then closes. Requests:
 * <pre>
 * list [--stats|--rate|-c]   the IPVS table as ipvsadm(8) -Ln [--stats|--rate] or -Lnc prints it
 * status [--json]            VRRP instances, recent transitions, pools, real servers, drains
 * drain VS RS                weight 0 for RS (ip:port, [ipv6]:port) in VS (a virtual server id,
 * enable VS RS               e.g. {@code TCP 198.51.100.100:80}; may contain spaces) / undo it
 * reload                     as SIGHUP
 * flush                      empty the driver's table (as ipvsadm -C); the periodic reconcile repairs it
 * diff PATH                  what reloading the configuration file PATH would change (lvsd -t --diff)
 * </pre>
 * Every request goes to the daemon's {@link org.lvsd.controller.control.ControlHandler}.
 */
package org.lvsd.controller.control;
