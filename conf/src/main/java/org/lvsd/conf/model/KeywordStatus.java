package org.lvsd.conf.model;

/** What lvsd does with a keepalived keyword. */
public enum KeywordStatus {
    /** Read, validated and acted upon. */
    SUPPORTED,
    /** Read and skipped with a warning: it only tunes something lvsd does not have. */
    ACCEPTED_NO_EFFECT,
    /** Read and skipped with a warning: the feature is missing from lvsd. */
    UNSUPPORTED
}
