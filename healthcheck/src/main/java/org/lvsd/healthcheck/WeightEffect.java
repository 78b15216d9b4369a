package org.lvsd.healthcheck;

/**
 * How a dynamic checker changes its real server's weight.
 *
 * <ul>
 *   <li>{@link Kind#NONE}: the configured weight stands;</li>
 *   <li>{@link Kind#SET}: the weight becomes {@code value} (MISC_CHECK {@code misc_dynamic},
 *       exit code minus 2);</li>
 *   <li>{@link Kind#ADD}: {@code value} is added to the weight (FILE_CHECK {@code dynamic},
 *       file value times {@code weight}, negated with {@code reverse}).</li>
 * </ul>
 */
public record WeightEffect(Kind kind, int value) {

    /** The kind of change. */
    public enum Kind { NONE, SET, ADD }

    private static final WeightEffect NONE = new WeightEffect(Kind.NONE, 0);

    public WeightEffect {
        if (kind == Kind.SET && value < 0) {
            throw new IllegalArgumentException("weight must be >= 0: " + value);
        }
        if (kind == Kind.NONE && value != 0) {
            throw new IllegalArgumentException("NONE carries no value");
        }
    }

    public static WeightEffect none() {
        return NONE;
    }

    public static WeightEffect set(int weight) {
        return new WeightEffect(Kind.SET, weight);
    }

    public static WeightEffect add(int delta) {
        return new WeightEffect(Kind.ADD, delta);
    }
}
