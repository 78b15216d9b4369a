package org.lvsd.vrrp.track;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptResultFilterTest {

    private static List<String> feed(ScriptResultFilter filter, String results) {
        List<String> out = new ArrayList<>();
        for (char c : results.toCharArray()) {
            out.add(filter.onResult(c == '+').map(TrackerStatus::toString).orElse("-"));
        }
        return out;
    }

    @Test
    void firstResultDecidesWithoutInitFail() {
        assertEquals(List.of("up"), feed(new ScriptResultFilter(new ScriptParams(3, 3, false)), "+"));
        assertEquals(List.of("down"), feed(new ScriptResultFilter(new ScriptParams(3, 3, false)), "x"));
    }

    @Test
    void fallConsecutiveFailuresFailAndRiseSuccessesRecover() {
        ScriptResultFilter f = new ScriptResultFilter(new ScriptParams(2, 3, false));
        assertEquals(List.of("up", "-", "-", "-", "-", "-", "down", "-", "-", "-", "up"),
                feed(f, "+xx+xxx+x++"));
    }

    @Test
    void initFailNeedsRiseSuccesses() {
        ScriptResultFilter f = new ScriptResultFilter(new ScriptParams(2, 1, true));
        assertEquals(TrackerStatus.DOWN, f.status());
        assertEquals(List.of("-", "up", "down"), feed(f, "++x"));
    }
}
