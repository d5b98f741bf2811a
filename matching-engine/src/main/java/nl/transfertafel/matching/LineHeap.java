package nl.transfertafel.matching;

import java.util.Arrays;

/**
 * An indexed binary min-heap of lines (0..n-1) keyed by a long: insert, change a key, remove and
 * pop in O(log n), membership in O(1). The engine keeps its lines ordered by "cheapest way in" across
 * augmentations with it, so a round costs time for the lines it touches, not for all lines.
 */
final class LineHeap {

    private final int[] heap;   // lines, heap-ordered by key
    private final int[] pos;    // position of a line in heap, -1 if absent
    private final long[] key;   // key of a line (valid while present)
    private int size;

    LineHeap(int lines) {
        heap = new int[lines];
        pos = new int[lines];
        key = new long[lines];
        Arrays.fill(pos, -1);
    }

    boolean isEmpty() {
        return size == 0;
    }

    boolean contains(int line) {
        return pos[line] >= 0;
    }

    /** The line with the smallest key; the heap must not be empty. */
    int peek() {
        return heap[0];
    }

    long peekKey() {
        return key[heap[0]];
    }

    long key(int line) {
        return key[line];
    }

    /** Inserts the line or changes its key. */
    void put(int line, long k) {
        if (pos[line] < 0) {
            key[line] = k;
            pos[line] = size;
            heap[size++] = line;
            up(size - 1);
        } else {
            long old = key[line];
            key[line] = k;
            if (k < old) {
                up(pos[line]);
            } else if (k > old) {
                down(pos[line]);
            }
        }
    }

    /** Removes the line if present. */
    void remove(int line) {
        int i = pos[line];
        if (i < 0) {
            return;
        }
        pos[line] = -1;
        int last = heap[--size];
        if (i < size) {
            heap[i] = last;
            pos[last] = i;
            up(i);
            down(pos[last]);
        }
    }

    /** Removes and returns the line with the smallest key. */
    int pop() {
        int top = heap[0];
        remove(top);
        return top;
    }

    private void up(int i) {
        int line = heap[i];
        long k = key[line];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            int p = heap[parent];
            if (key[p] <= k) {
                break;
            }
            heap[i] = p;
            pos[p] = i;
            i = parent;
        }
        heap[i] = line;
        pos[line] = i;
    }

    private void down(int i) {
        int line = heap[i];
        long k = key[line];
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && key[heap[child + 1]] < key[heap[child]]) {
                child++;
            }
            int c = heap[child];
            if (key[c] >= k) {
                break;
            }
            heap[i] = c;
            pos[c] = i;
            i = child;
        }
        heap[i] = line;
        pos[line] = i;
    }
}
