package org.lvsd.conf.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.configuration2.tree.ImmutableNode;
import org.junit.jupiter.api.Test;

/** A whole director configuration spread over included files (src/test/resources/syntax/director). */
class DirectorConfigTest {

    private static Path director() throws URISyntaxException {
        return Path.of(DirectorConfigTest.class.getResource("/syntax/director/keepalived.conf").toURI());
    }

    private static ParseResult read(String configId) throws URISyntaxException {
        return ConfigReader.read(director(), new ParseOptions(configId, Map.of()));
    }

    @Test
    void masterNodeSeesItsOwnLines() throws URISyntaxException {
        ParseResult result = read("lb1");
        assertEquals(List.of(director() + ":15: warning: include pattern 'conf.d/optional-*.conf' matches no file"),
                Trees.messages(result));
        Path confD = director().resolveSibling("conf.d");
        assertEquals("global_defs {router_id lvsd_lb1; script_user nobody; enable_script_security}; "
                + "vrrp_script chk_sshd {script killall -0 sshd; interval 2}; "
                + "vrrp_instance VI_1 {state MASTER; interface eth0; virtual_router_id 51; priority 150; "
                + "virtual_ipaddress {198.51.100.100/24 dev eth0}; track_script {chk_sshd}; "
                + "notify_master " + confD + "/notify.sh MASTER 'VI 1'}; "
                + "virtual_server 198.51.100.100 80 {delay_loop 6; lb_algo wlc; lb_kind DR; protocol TCP; "
                + "real_server 198.51.100.11 80 {weight 1; HTTP_GET {url {path /healthz status_code 200}; connect_timeout 3}}; "
                + "real_server 198.51.100.12 80 {weight 1; HTTP_GET {url {path /healthz status_code 200}; connect_timeout 3}}}",
                Trees.render(result.root()));
    }

    @Test
    void backupNodeSeesItsOwnLines() throws URISyntaxException {
        ImmutableNode instance = read("lb2").root().getChildren("vrrp_instance").get(0);
        assertEquals(List.of("BACKUP"), Nodes.args(instance.getChildren("state").get(0)));
        assertEquals(List.of("100"), Nodes.args(instance.getChildren("priority").get(0)));
    }

    @Test
    void everyNodeNamesTheFileAndLineItCameFrom() throws URISyntaxException {
        ImmutableNode root = read("lb1").root();
        Path confD = director().resolveSibling("conf.d");
        ImmutableNode vs = root.getChildren("virtual_server").get(0);
        ImmutableNode secondRs = vs.getChildren("real_server").get(1);
        assertEquals(List.of(director() + ":7", confD.resolve("vrrp.conf") + ":1",
                        confD.resolve("vrrp.conf") + ":4", confD.resolve("lvs.conf") + ":7",
                        confD.resolve("lvs.conf") + ":12"),
                List.of(Nodes.where(root.getChildren().get(0)), Nodes.where(root.getChildren().get(1)),
                        Nodes.where(root.getChildren().get(2)), Nodes.where(vs), Nodes.where(secondRs)));
    }
}
