package org.lvsd.vrrp.track;

/** The current state of a tracked object. */
public sealed interface TrackerStatus {

    /** Interface up, script OK. */
    TrackerStatus UP = new Up();
    /** Interface down, script failed. */
    TrackerStatus DOWN = new Down();
    /** Script not reported yet (without {@code init_fail}). */
    TrackerStatus UNKNOWN = new Unknown();

    /** Integer read from a tracked file. */
    static TrackerStatus value(long value) {
        return new FileValue(value);
    }

    record Up() implements TrackerStatus {
        @Override
        public String toString() {
            return "up";
        }
    }

    record Down() implements TrackerStatus {
        @Override
        public String toString() {
            return "down";
        }
    }

    record Unknown() implements TrackerStatus {
        @Override
        public String toString() {
            return "not reported yet";
        }
    }

    record FileValue(long value) implements TrackerStatus {
        @Override
        public String toString() {
            return "value " + value;
        }
    }
}
