package org.lvsd.conf.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusRangeTest {

    @Test
    void containsIsInclusiveAtBothEnds() {
        StatusRange r = new StatusRange(200, 299);
        assertEquals(List.of(false, true, true, false),
                List.of(r.contains(199), r.contains(200), r.contains(299), r.contains(300)));
    }

    @Test
    void parsesSingleCodesAndRangesAndPrintsThemBack() {
        assertEquals(Optional.of(new StatusRange(404, 404)), UrlReader.statusRange("404"));
        assertEquals("200-299", UrlReader.statusRange("200-299").orElseThrow().toString());
        assertEquals("404", UrlReader.statusRange("404").orElseThrow().toString());
    }

    @Test
    void rejectsReversedOutOfRangeAndMalformedCodes() {
        for (String bad : List.of("299-200", "99", "600", "2xx", "200-", "1-2-3")) {
            assertEquals(Optional.empty(), UrlReader.statusRange(bad), bad);
        }
    }
}
