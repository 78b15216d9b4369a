package org.lvsd.conf.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lvsd.conf.ConfigLoader;
import org.lvsd.conf.syntax.ParseOptions;

class ModelJsonTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = ModelJsonTest.class.getResourceAsStream("/model/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource /model/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static ConfigLoader.LoadResult director() throws IOException {
        return ConfigLoader.load(resource("director.conf"), "director.conf", ParseOptions.defaults());
    }

    @Test
    void directorExampleDumpsToTheGoldenJson() throws IOException {
        ConfigLoader.LoadResult r = director();
        assertEquals(List.of("director.conf:9: warning: 'enable_snmp_vrrp' accepted but has no effect in lvsd"),
                r.diagnostics().stream().map(Object::toString).toList());
        assertEquals(resource("director.json").strip(), ModelJson.write(r.config().orElseThrow()).strip());
    }

    @Test
    void ipv6UnicastExampleDumpsToTheGoldenJson() throws IOException {
        ConfigLoader.LoadResult r = ConfigLoader.load(resource("unicast6.conf"), "unicast6.conf", ParseOptions.defaults());
        assertEquals(List.of("unicast6.conf:23: warning: (VI_6) tracking weights are ignored in sync group SG unless "
                + "sync_group_tracking_weight is set"), r.diagnostics().stream().map(Object::toString).toList());
        assertEquals(resource("unicast6.json").strip(), ModelJson.write(r.config().orElseThrow()).strip());
    }

    @Test
    void dumpIsDeterministic() throws IOException {
        KeepalivedConfig c = director().config().orElseThrow();
        assertEquals(ModelJson.write(c), ModelJson.write(director().config().orElseThrow()));
    }

    @Test
    void durationsAreSecondsAndAddressesAndPlacesAreText() {
        KeepalivedConfig c = TestConfigs.model("vrrp_instance V {\ninterface eth0\nvirtual_router_id 3\nversion 3\n"
                + "advert_int 0.25\nvirtual_ipaddress { 2001:db8:0:0::7/64 }\n}");
        String json = ModelJson.write(c);
        assertTrue(json.contains("\"advertInt\" : 0.25,"), json);
        assertTrue(json.contains("\"address\" : \"2001:db8::7/64\","), json);
        assertTrue(json.contains("\"where\" : \"lvsd.conf:6\""), json);
        assertTrue(json.contains("\"startupDelay\" : 0,"), json);
    }
}
