package org.lvsd.conf.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * Renders a {@link KeepalivedConfig} as deterministic, pretty-printed JSON: record properties
 * sorted by name, maps in file order, durations as seconds, addresses as text, absent values
 * as null and every {@code where} as {@code "file:line"}. {@code lvsd --dump-config} prints this.
 */
public final class ModelJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .addModule(module())
            .build();

    private ModelJson() {
    }

    public static String write(KeepalivedConfig config) {
        try {
            return MAPPER.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static SimpleModule module() {
        SimpleModule m = new SimpleModule("lvsd-model");
        m.addSerializer(Duration.class, new StdSerializer<>(Duration.class) {
            @Override
            public void serialize(Duration v, JsonGenerator gen, SerializerProvider p) throws IOException {
                BigDecimal secs = BigDecimal.valueOf(v.getSeconds()).add(BigDecimal.valueOf(v.getNano(), 9));
                gen.writeNumber(secs.stripTrailingZeros().toPlainString());
            }
        });
        m.addSerializer(InetAddress.class, new StdSerializer<>(InetAddress.class) {
            @Override
            public void serialize(InetAddress v, JsonGenerator gen, SerializerProvider p) throws IOException {
                gen.writeString(IpAddresses.format(v));
            }
        });
        m.addSerializer((Class) Optional.class, new StdSerializer<Optional>(Optional.class) {
            @Override
            public void serialize(Optional v, JsonGenerator gen, SerializerProvider p) throws IOException {
                p.defaultSerializeValue(v.orElse(null), gen);
            }
        });
        m.addSerializer(Where.class, ToStringSerializer.instance);
        m.addSerializer(IpPrefix.class, ToStringSerializer.instance);
        m.addSerializer(StatusRange.class, ToStringSerializer.instance);
        m.addSerializer(HostPort.class, ToStringSerializer.instance);
        return m;
    }
}
