package org.lancang.timetable.conflict;

/**
 * A stable merge sort of int indices by an order on what they point to: the detector sorts millions of blocking
 * times held in primitive columns, and sorting boxed objects (or records) was most of its time.
 */
final class IndexSort {
    /** How two indices compare, read from the columns they point into. */
    interface Order {
        int compare(int a, int b);
    }

    private static final int INSERTION = 24;

    private IndexSort() {}

    /** Sorts {@code idx[from, to)} by {@code order}, keeping the given order among equal elements. */
    static void sort(int[] idx, int from, int to, Order order) {
        if (to - from <= INSERTION) {
            insertion(idx, from, to, order);
            return;
        }
        int[] tmp = new int[to - from];
        mergeSort(idx, from, to, tmp, order);
    }

    private static void mergeSort(int[] idx, int from, int to, int[] tmp, Order order) {
        if (to - from <= INSERTION) {
            insertion(idx, from, to, order);
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(idx, from, mid, tmp, order);
        mergeSort(idx, mid, to, tmp, order);
        if (order.compare(idx[mid - 1], idx[mid]) <= 0) {
            return; // already in order: a day's blocking times often arrive nearly sorted
        }
        int n = mid - from;
        System.arraycopy(idx, from, tmp, 0, n);
        int i = 0;
        int j = mid;
        int k = from;
        while (i < n && j < to) {
            idx[k++] = order.compare(idx[j], tmp[i]) < 0 ? idx[j++] : tmp[i++];
        }
        while (i < n) {
            idx[k++] = tmp[i++];
        }
    }

    private static void insertion(int[] idx, int from, int to, Order order) {
        for (int i = from + 1; i < to; i++) {
            int v = idx[i];
            int j = i - 1;
            while (j >= from && order.compare(idx[j], v) > 0) {
                idx[j + 1] = idx[j];
                j--;
            }
            idx[j + 1] = v;
        }
    }
}
