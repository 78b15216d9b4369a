package org.lvsd.ipvs.format;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The merge sort glibc's qsort uses (msort_with_tmp: halves of n/2 and n - n/2, left element first
 * on ties). ipvsadm's comparators are not transitive for addresses more than 2^31 apart, so the
 * printed order depends on the algorithm; this reproduces it, where a library sort could reorder or
 * reject the comparator.
 */
final class MergeSort {
    private MergeSort() {
    }

    static <T> List<T> sort(List<T> in, Comparator<? super T> cmp) {
        List<T> items = new ArrayList<>(in);
        sort(items, 0, items.size(), cmp);
        return items;
    }

    private static <T> void sort(List<T> b, int from, int n, Comparator<? super T> cmp) {
        if (n <= 1) {
            return;
        }
        int n1 = n / 2;
        int n2 = n - n1;
        sort(b, from, n1, cmp);
        sort(b, from + n1, n2, cmp);
        List<T> merged = new ArrayList<>(n);
        int i = from;
        int j = from + n1;
        int leftEnd = from + n1;
        int rightEnd = from + n;
        while (i < leftEnd && j < rightEnd) {
            if (cmp.compare(b.get(i), b.get(j)) <= 0) {
                merged.add(b.get(i++));
            } else {
                merged.add(b.get(j++));
            }
        }
        while (i < leftEnd) {
            merged.add(b.get(i++));
        }
        while (j < rightEnd) {
            merged.add(b.get(j++));
        }
        for (int k = 0; k < n; k++) {
            b.set(from + k, merged.get(k));
        }
    }
}
